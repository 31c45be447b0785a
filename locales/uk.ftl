ingest-usage = Надішліть /ingest і посилання або текст статті, або дайте відповідь /ingest на повідомлення чи на файл .txt, .html, .md або .pdf.
not-an-article = Посилання я тут не знайшов, а { $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[many] { $words } слів
  } — замало для статті, тож я нічого не зберіг. { ingest-usage }
no-text-in-message = У цьому повідомленні немає тексту. { ingest-usage }
only-admins-add = Додавати статті тут можуть лише адміністратори бота.
only-admins-remove = Видаляти статті тут можуть лише адміністратори бота.
ingest-too-fast = Ви додаєте статті частіше, ніж { $limit } на хвилину; спробуйте знову за { $wait }.
ask-too-fast = Ви ставите запитання частіше, ніж { $limit } на хвилину; спробуйте знову за { $wait }.
wait-seconds = { $n } с
wait-minutes = { $n } хв
question-too-long = Тут { $length ->
    [one] { $length } символ
    [few] { $length } символи
    [many] { $length } символів
   *[other] { $length } символу
  } — більше, ніж я приймаю для запитання ({ $max }), і на статтю це не схоже. Запитайте коротше або надішліть /ingest із цим текстом, щоб зберегти його як статтю.
ask-usage = Надішліть /ask і ваше запитання про статті цього чату.
ask-me = Поставте мені запитання про статті цього чату, наприклад: @{ $username } хто був на зустрічі?
unknown-command = Такої команди я не знаю. /help покаже, що я вмію.
what-i-can-do = Надішліть мені запитання текстом, посилання на статтю або текст статті чи файл (.txt, .html, .md, .pdf). Докладніше — /help.
could-not-add = Не вдалося додати: { $why }
reading-link = Читаю { $url }…
reading-text = Читаю ваш текст ({ $chars ->
    [one] { $chars } символ
    [few] { $chars } символи
   *[many] { $chars } символів
  })…
reading-file = Читаю { $name }…
progress-chunking = Ділю на фрагменти…
progress-embedding = Індексую фрагменти: { $done } з { $total }…
progress-embedding-unknown = Індексую фрагменти…
progress-storing = Зберігаю…
paste-offer = Схоже на статтю ({ $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[many] { $words } слів
  }). Додати її до статей цього чату? Тоді ви зможете ставити мені запитання про неї.
paste-add = ➕ Додати
paste-ask = ❓ Це запитання
paste-gone = У мене більше немає цього тексту; надішліть його ще раз.
paste-adding = Додаю…
paste-asking = Відповідаю на це як на запитання…
undo = ↩️ Скасувати
undone-html = Знову видалив { $title }. Нічого з неї не збережено.
undo-gone = Цієї статті тут уже немає.
forget-usage = Надішліть /forget і id статті; /list покаже їх.
no-such-article-html = У цьому чаті немає статті <code>{ $id }</code>. /list покаже статті.
forgot-html = Видалив { $title } (<code>{ $id }</code>).
added-html = Додав { $title }: { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагменти
   *[many] { $chunks } фрагментів
  } (id <code>{ $id }</code>). Питайте мене про неї або перегляньте /list.
already-have-html = { $title } у мене вже є (id <code>{ $id }</code>). Питайте мене про неї або перегляньте /list.
untitled = Без назви
# A second quote from the article the quote above came from.
same-article = та сама стаття
stranger = Вибачте, це приватний бот. Ваш id у Telegram — { $userId }; власник може впустити вас, указавши ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Вибачте, це приватний бот. Ваш id у Telegram — { $userId }; власник може впустити вас, указавши ALLOWED_USER_IDS={ $userId }, або всю цю групу, указавши ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Почнімо спочатку: попередні запитання я відпустив, тож наступне буде окремим. Статті лишаються; /list покаже їх.
not-found = Я нічого не знайшов про це у статтях цього чату. Додайте статтю: /ingest і посилання або текст статті.
help-intro = Я відповідаю на запитання про статті, які ви мені даєте, і цитую фрагменти, на які спирався.
help-adding-private = Надішліть посилання — я його прочитаю; вставте текст статті — я запропоную його зберегти; або надішліть файл .txt/.html/.md/.pdf. Також працює /ingest <посилання або текст>.
help-adding-group = Додайте статтю командою /ingest <посилання>, /ingest із вставленим текстом або /ingest у відповідь на повідомлення чи файл .txt/.html/.md/.pdf.
help-asking-private = Потім просто поставте запитання тут. Уточнення теж працюють («а що він сказав?»); /new починає спочатку.
help-asking-group = Потім питайте через /ask <запитання>, згадавши @{ $username } або відповівши на одне з моїх повідомлень (відповідь на відповідь продовжує розмову).
help-list = /list показує статті цього чату; /forget <id> видаляє одну з них.
admin-stats = Адмін: за останні 24 години відповідей на запитання: { $answered }, відхилено: { $declined } (уточнень: { $followUps }), p95 часу відповіді { $p95 }. Докладніше — `footnote stats` на сервері.
milliseconds = { $ms } мс
list-empty = У цьому чаті ще немає статей. Додайте статтю: /ingest і посилання або текст статті.
list-header-html = <b>Статті цього чату ({ $count })</b>
list-page = — сторінка { $page } з { $pages }
list-published = опубліковано { $date }
list-added = додано { $date }
list-passages = { $chunks ->
    [one] { $chunks } фрагмент
    [few] { $chunks } фрагменти
   *[many] { $chunks } фрагментів
  }
list-footer-html = Видалити статтю: /forget &lt;id&gt;.
list-prev = ‹ Назад
list-next = Далі ›
error-generic = У нас щось пішло не так. Спробуйте ще раз; якщо це повторюється, повідомте адміністратора бота.
cmd-ask = Поставити запитання про статті цього чату
cmd-ingest = Додати статтю: посилання, текст або відповідь на файл
cmd-new = Почати спочатку: наступне запитання не продовжує попереднє
cmd-list = Показати статті цього чату
cmd-forget = Видалити статтю: /forget <id>
cmd-help = Як користуватися ботом
the-file = файл
unreadable-file = Я читаю файли .txt, .html, .md і .pdf; { $name } не з їх числа.
error-fetch = Не вдалося отримати цю сторінку чи файл.
error-content = Я не знайшов у цьому тексту статті.
error-too-large = Це завелике для мене.
error-bad-input = Я не зміг це використати.
error-provider = Мовна модель, на якій я працюю, не відповіла; спробуйте трохи згодом.
error-with-detail = { $summary } Подробиці (англійською): { $detail }
