ingest-usage = أرسل /ingest متبوعًا برابط أو بنص المقال، أو رُدّ بـ /ingest على رسالة أو على ملف ‎.txt أو ‎.html أو ‎.md أو ‎.pdf.
not-an-article = لم أجد رابطًا في ذلك، والنص ({ $words ->
    [zero] بلا كلمات
    [one] كلمة واحدة
    [two] كلمتان
    [few] { $words } كلمات
    [many] { $words } كلمة
   *[other] { $words } كلمة
  }) أقصر من أن يكون مقالًا، لذا لم أحفظ شيئًا. { ingest-usage }
no-text-in-message = لا يوجد في هذه الرسالة نص لقراءته. { ingest-usage }
only-admins-add = لا يضيف المقالات هنا إلا مشرفو البوت.
only-admins-remove = لا يحذف المقالات هنا إلا مشرفو البوت.
ingest-too-fast = أنت تضيف المقالات بمعدل يتجاوز { $limit } في الدقيقة؛ حاول مجددًا بعد { $wait }.
ask-too-fast = أنت تطرح الأسئلة بمعدل يتجاوز { $limit } في الدقيقة؛ حاول مجددًا بعد { $wait }.
wait-seconds = { $n } ث
wait-minutes = { $n } د
question-too-long = { $length ->
    [zero] هذا { $length } حرف
    [one] هذا حرف واحد
    [two] هذان حرفان
    [few] هذه { $length } أحرف
    [many] هذا { $length } حرفًا
   *[other] هذا { $length } حرف
  }، أكثر مما أقبله للسؤال ({ $max })، ولا يبدو مقالًا. اسأل سؤالًا أقصر، أو أرسل /ingest متبوعًا بالنص لحفظه مقالًا.
ask-usage = أرسل /ask متبوعًا بسؤالك عن مقالات هذه الدردشة.
ask-me = اسألني عن مقالات هذه الدردشة، مثلًا: @{ $username } من حضر الاجتماع؟
unknown-command = لا أعرف هذا الأمر. يعرض /help ما يمكنني فعله.
what-i-can-do = أرسل لي سؤالًا نصيًا، أو رابطًا لمقال، أو نص مقال أو ملفه (‎.txt، ‎.html، ‎.md، ‎.pdf). يشرح /help المزيد.
could-not-add = تعذّرت إضافة ذلك: { $why }
reading-link = أقرأ { $url }…
reading-text = أقرأ نصك ({ $chars ->
    [zero] لا أحرف
    [one] حرف واحد
    [two] حرفان
    [few] { $chars } أحرف
    [many] { $chars } حرفًا
   *[other] { $chars } حرف
  })…
reading-file = أقرأ { $name }…
progress-chunking = أقسّمه إلى مقاطع…
progress-embedding = أفهرس المقاطع: { $done } من { $total }…
progress-embedding-unknown = أفهرس المقاطع…
progress-storing = أحفظ…
paste-offer = يبدو هذا مقالًا ({ $words ->
    [zero] لا كلمات
    [one] كلمة واحدة
    [two] كلمتان
    [few] { $words } كلمات
    [many] { $words } كلمة
   *[other] { $words } كلمة
  }). هل أضيفه إلى مقالات هذه الدردشة؟ بعدها يمكنك أن تسألني عنه.
paste-add = ➕ أضِفه
paste-ask = ❓ إنه سؤال
paste-gone = لم يعد هذا النص لديّ؛ أرسله مرة أخرى من فضلك.
paste-adding = أضيفه…
paste-asking = أجيب عنه كسؤال…
undo = ↩️ تراجع
undone-html = حذفتُ { $title } مجددًا. لم يُحتفظ بشيء منه.
undo-gone = لم يعد هذا المقال هنا.
forget-usage = أرسل /forget متبوعًا بمعرّف المقال؛ يعرضها /list.
no-such-article-html = لا يوجد مقال <code>{ $id }</code> في هذه الدردشة. يعرضها /list.
forgot-html = نسيتُ { $title } (<code>{ $id }</code>).
added-html = أضفتُ { $title }: { $chunks ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $chunks } مقاطع
    [many] { $chunks } مقطعًا
   *[other] { $chunks } مقطع
  } (المعرّف <code>{ $id }</code>). اسألني عنه، أو انظر /list.
already-have-html = لديّ { $title } من قبل (المعرّف <code>{ $id }</code>). اسألني عنه، أو انظر /list.
untitled = بلا عنوان
# A second quote from the article the quote above came from.
same-article = المقال نفسه
stranger = عذرًا، هذا البوت خاص. معرّفك في Telegram هو { $userId }؛ يستطيع مالكه السماح لك بضبط ALLOWED_USER_IDS={ $userId }.
stranger-in-group = عذرًا، هذا البوت خاص. معرّفك في Telegram هو { $userId }؛ يستطيع مالكه السماح لك بضبط ALLOWED_USER_IDS={ $userId }، أو لهذه المجموعة كلها بضبط ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = بدأنا من جديد: تركتُ أسئلتنا السابقة، فالسؤال التالي قائم بذاته. مقالاتك باقية؛ يعرضها /list.
not-found = لم أجد شيئًا عن ذلك في مقالات هذه الدردشة. أضِف مقالًا بـ /ingest متبوعًا برابط أو بنص المقال.
help-intro = أجيب عن الأسئلة حول المقالات التي تعطيني إياها، مع اقتباس المقاطع التي اعتمدت عليها.
help-adding-private = أرسل لي رابطًا وسأقرؤه؛ الصق نص مقال وسأعرض حفظه؛ أو أرسل ملف ‎.txt/.html/.md/.pdf. ويعمل أيضًا /ingest <رابط أو نص>.
help-adding-group = أضِف مقالًا بـ /ingest <رابط>، أو /ingest متبوعًا بنص ملصق، أو /ingest ردًّا على رسالة أو ملف ‎.txt/.html/.md/.pdf.
help-asking-private = ثم اسأل هنا مباشرة. الأسئلة اللاحقة تعمل أيضًا («ماذا قال؟»)؛ و/new يبدأ من جديد.
help-asking-group = ثم اسأل بـ /ask <سؤال>، أو بذكر @{ $username }، أو بالرد على إحدى رسائلي (الرد على إجابة يواصل محادثتها).
help-list = يعرض /list مقالات هذه الدردشة؛ ويحذف /forget <id> واحدًا منها.
admin-stats = للمشرف: في آخر 24 ساعة، الأسئلة المُجاب عنها: { $answered }، والمرفوضة: { $declined } (منها أسئلة لاحقة: { $followUps })، وp95 لزمن الإجابة { $p95 }. يعرض `footnote stats` على الخادم المزيد.
milliseconds = { $ms } م.ث
list-empty = لا مقالات في هذه الدردشة بعد. أضِف مقالًا بـ /ingest متبوعًا برابط أو بنص المقال.
list-header-html = <b>مقالات هذه الدردشة ({ $count })</b>
list-page = — الصفحة { $page } من { $pages }
list-published = نُشر في { $date }
list-added = أُضيف في { $date }
list-passages = { $chunks ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $chunks } مقاطع
    [many] { $chunks } مقطعًا
   *[other] { $chunks } مقطع
  }
list-footer-html = لحذف مقال: /forget &lt;id&gt;.
list-prev = › السابق
list-next = التالي ‹
error-generic = حدث خطأ من جهتنا. حاول مرة أخرى؛ وإن تكرر، فأخبر مشرف البوت.
cmd-ask = اطرح سؤالًا عن مقالات هذه الدردشة
cmd-ingest = أضِف مقالًا: رابط أو نص ملصق أو رد على ملف
cmd-new = ابدأ من جديد: السؤال التالي لا يُبنى على ما قبله
cmd-list = اعرض مقالات هذه الدردشة
cmd-forget = احذف مقالًا: /forget <id>
cmd-help = كيفية استخدام هذا البوت
the-file = الملف
unreadable-file = أقرأ ملفات ‎.txt و‎.html و‎.md و‎.pdf؛ و{ $name } ليس منها.
error-fetch = تعذّر عليّ جلب هذه الصفحة أو هذا الملف.
error-content = لم أجد فيه نص مقال.
error-too-large = هذا أكبر مما أستطيع معالجته.
error-bad-input = تعذّر عليّ استخدام ذلك.
error-provider = لم يُجب نموذج اللغة الذي أعتمد عليه؛ حاول مجددًا بعد قليل.
error-with-detail = { $summary } التفاصيل (بالإنجليزية): { $detail }

# autoread and small talk
cmd-autoread = قراءة كل رابط يُنشر في هذه المجموعة: /autoread on أو off
autoread-on = القراءة التلقائية مفعّلة: سأقرأ كل رابط يُنشر في هذه المجموعة. يوقفها /autoread off.
autoread-off = القراءة التلقائية متوقفة: هنا أقرأ الروابط فقط عندما يُطلب مني ذلك بـ /ingest.
autoread-state-on = القراءة التلقائية مفعّلة هنا: أقرأ كل رابط يُنشر في هذه المجموعة. يوقفها /autoread off.
autoread-state-off = القراءة التلقائية متوقفة هنا. مع /autoread on سأقرأ كل رابط يُنشر في هذه المجموعة، ويوقفها /autoread off.
autoread-private = القراءة التلقائية للمجموعات: هنا في دردشتنا أقرأ أصلًا كل رابط ترسله إليّ.
autoread-only-admins = لا يستطيع تشغيل القراءة التلقائية أو إيقافها إلا مشرفو المجموعة.
autoread-privacy = القراءة التلقائية مفعّلة، لكن وضع الخصوصية في تيليجرام يحجب عني رسائل هذه المجموعة: لا أرى إلا الأوامر والرسائل الموجهة إليّ. لكي أقرأ الروابط، افتح @BotFather وأرسل /setprivacy واختر @{ $username } ثم Disable؛ بعد ذلك أزلني من هذه المجموعة وأضفني من جديد.
hello = مرحبًا! أجيب عن الأسئلة حول المقالات التي تعطيني إياها، مقتبسًا المقاطع التي استندت إليها.
hello-articles = { $count ->
    [zero] لا مقالات في هذه الدردشة بعد.
    [one] في هذه الدردشة مقال واحد: اسألني عنه ما شئت.
    [two] في هذه الدردشة مقالان: اسألني عنهما ما شئت.
    [few] في هذه الدردشة { $count } مقالات: اسألني عنها ما شئت.
    [many] في هذه الدردشة { $count } مقالًا: اسألني عنها ما شئت.
   *[other] في هذه الدردشة { $count } مقال: اسألني عنها ما شئت.
  }
hello-start-private = أرسل إليّ رابطًا أو الصق نص مقال، ثم اسألني عنه. يشرح /help المزيد.
hello-start-group = أضِف مقالًا بـ /ingest متبوعًا برابط أو بنصه، ثم اسألني عنه بـ /ask. يشرح /help المزيد.
you-are-welcome = عفوًا! اسألني ما شئت عن مقالات هذه الدردشة.

# companion
cmd-summary = لخّص مقالًا: /summary [id]
companion-try-asking = جرّب أن تسأل:
companion-suggested-gone = لم يعد مقال هذا السؤال في هذه الدردشة.
summary-no-articles = لا توجد مقالات في هذه الدردشة بعد. أضِف مقالًا بـ /ingest متبوعًا برابط أو بنص المقال.
summary-nothing = لم أستطع إعداد ملخص لهذا المقال.
help-summary = يقول /summary [id] عمّا يتحدث المقال (بلا id: آخر مقال تحدثنا عنه)؛ وكذلك «tl;dr».
