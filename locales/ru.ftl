ingest-usage = Отправьте /ingest и ссылку или текст статьи, либо ответьте /ingest на сообщение или на файл .txt, .html, .md или .pdf.
not-an-article = Ссылки я здесь не нашёл, а { $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[many] { $words } слов
  } — слишком мало для статьи, поэтому я ничего не сохранил. { ingest-usage }
no-text-in-message = В этом сообщении нет текста. { ingest-usage }
only-admins-add = Добавлять статьи здесь могут только администраторы бота.
only-admins-remove = Удалять статьи здесь могут только администраторы бота.
ingest-too-fast = Вы добавляете статьи чаще, чем { $limit } в минуту; попробуйте снова через { $wait }.
ask-too-fast = Вы задаёте вопросы чаще, чем { $limit } в минуту; попробуйте снова через { $wait }.
wait-seconds = { $n } с
wait-minutes = { $n } мин
question-too-long = Здесь { $length ->
    [one] { $length } символ
    [few] { $length } символа
    [many] { $length } символов
   *[other] { $length } символа
  } — больше, чем я принимаю для вопроса ({ $max }), и на статью это не похоже. Спросите короче или отправьте /ingest с этим текстом, чтобы сохранить его как статью.
ask-usage = Отправьте /ask и ваш вопрос о статьях этого чата.
ask-me = Задайте мне вопрос о статьях этого чата, например: @{ $username } кто был на встрече?
unknown-command = Такой команды я не знаю. /help покажет, что я умею.
what-i-can-do = Пришлите мне вопрос текстом, ссылку на статью или текст статьи либо файл (.txt, .html, .md, .pdf). Подробнее — /help.
could-not-add = Не удалось добавить: { $why }
reading-link = Читаю { $url }…
reading-text = Читаю ваш текст ({ $chars ->
    [one] { $chars } символ
    [few] { $chars } символа
   *[many] { $chars } символов
  })…
reading-file = Читаю { $name }…
progress-chunking = Делю на фрагменты…
progress-embedding = Индексирую фрагменты: { $done } из { $total }…
progress-embedding-unknown = Индексирую фрагменты…
progress-storing = Сохраняю…
paste-offer = Похоже на статью ({ $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[many] { $words } слов
  }). Добавить её к статьям этого чата? Тогда вы сможете задавать мне вопросы по ней.
paste-add = ➕ Добавить
paste-ask = ❓ Это вопрос
paste-gone = У меня больше нет этого текста; пришлите его ещё раз.
paste-adding = Добавляю…
paste-asking = Отвечаю на это как на вопрос…
undo = ↩️ Отменить
undone-html = Снова удалил { $title }. Ничего из неё не сохранено.
undo-gone = Этой статьи здесь уже нет.
forget-usage = Отправьте /forget и id статьи; /list покажет их.
no-such-article-html = В этом чате нет статьи <code>{ $id }</code>. /list покажет статьи.
forgot-html = Удалил { $title } (<code>{ $id }</code>).
added-html = Добавил { $title }: { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагмента
   *[many] { $chunks } фрагментов
  } (id <code>{ $id }</code>). Спрашивайте меня о ней или посмотрите /list.
already-have-html = { $title } у меня уже есть (id <code>{ $id }</code>). Спрашивайте меня о ней или посмотрите /list.
untitled = Без названия
# A second quote from the article the quote above came from.
same-article = та же статья
stranger = Извините, это закрытый бот. Ваш id в Telegram — { $userId }; владелец может пустить вас, указав ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Извините, это закрытый бот. Ваш id в Telegram — { $userId }; владелец может пустить вас, указав ALLOWED_USER_IDS={ $userId }, или всю эту группу, указав ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Начнём сначала: прежние вопросы я отпустил, так что следующий будет сам по себе. Статьи остаются; /list покажет их.
not-found = Я ничего не нашёл об этом в статьях этого чата. Добавьте статью: /ingest и ссылка или текст статьи.
help-intro = Я отвечаю на вопросы о статьях, которые вы мне даёте, и цитирую фрагменты, на которые опирался.
help-adding-private = Пришлите ссылку — я её прочитаю; вставьте текст статьи — я предложу его сохранить; или пришлите файл .txt/.html/.md/.pdf. Также работает /ingest <ссылка или текст>.
help-adding-group = Добавьте статью командой /ingest <ссылка>, /ingest с вставленным текстом или /ingest в ответ на сообщение или файл .txt/.html/.md/.pdf.
help-asking-private = Потом просто задайте вопрос здесь. Уточняющие вопросы тоже работают («а что он сказал?»); /new начинает заново.
help-asking-group = Потом спрашивайте через /ask <вопрос>, упомянув @{ $username } или ответив на одно из моих сообщений (ответ на ответ продолжает беседу).
help-list = /list показывает статьи этого чата; /forget <id> удаляет одну из них.
admin-stats = Админ: за последние 24 часа отвечено на вопросов: { $answered }, отклонено: { $declined } (уточняющих: { $followUps }), p95 времени ответа { $p95 }. Подробнее — `footnote stats` на сервере.
milliseconds = { $ms } мс
list-empty = В этом чате пока нет статей. Добавьте статью: /ingest и ссылка или текст статьи.
list-header-html = <b>Статьи этого чата ({ $count })</b>
list-page = — страница { $page } из { $pages }
list-published = опубликовано { $date }
list-added = добавлено { $date }
list-passages = { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагмента
   *[many] { $chunks } фрагментов
  }
list-footer-html = Удалить статью: /forget &lt;id&gt;.
list-prev = ‹ Назад
list-next = Далее ›
error-generic = У нас что-то пошло не так. Попробуйте ещё раз; если это повторяется, сообщите администратору бота.
cmd-ask = Задать вопрос о статьях этого чата
cmd-ingest = Добавить статью: ссылка, текст или ответ на файл
cmd-new = Начать заново: следующий вопрос не продолжает прежний
cmd-list = Показать статьи этого чата
cmd-forget = Удалить статью: /forget <id>
cmd-help = Как пользоваться ботом
the-file = файл
unreadable-file = Я читаю файлы .txt, .html, .md и .pdf; { $name } не из их числа.
error-fetch = Не удалось получить эту страницу или файл.
error-content = Я не нашёл в этом текста статьи.
error-too-large = Это слишком велико для меня.
error-bad-input = Я не смог это использовать.
error-provider = Языковая модель, на которой я работаю, не ответила; попробуйте чуть позже.
error-with-detail = { $summary } Подробности (на английском): { $detail }
