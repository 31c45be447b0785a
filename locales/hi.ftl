ingest-usage = /ingest के साथ कोई लिंक या लेख का पाठ भेजें, या किसी संदेश या .txt, .html, .md या .pdf फ़ाइल का जवाब /ingest से दें।
not-an-article = मुझे इसमें कोई लिंक नहीं मिला, और { $words } शब्द किसी लेख के लिए बहुत कम हैं, इसलिए मैंने कुछ भी सहेजा नहीं। { ingest-usage }
no-text-in-message = इस संदेश में पढ़ने लायक कोई पाठ नहीं है। { ingest-usage }
only-admins-add = यहाँ केवल बॉट के एडमिन ही लेख जोड़ सकते हैं।
only-admins-remove = यहाँ केवल बॉट के एडमिन ही लेख हटा सकते हैं।
ingest-too-fast = आप एक मिनट में { $limit } से ज़्यादा लेख जोड़ रहे हैं; { $wait } बाद फिर कोशिश करें।
ask-too-fast = आप एक मिनट में { $limit } से ज़्यादा सवाल पूछ रहे हैं; { $wait } बाद फिर कोशिश करें।
wait-seconds = { $n } सेकंड
wait-minutes = { $n } मिनट
question-too-long = { $length ->
    [one] यह { $length } अक्षर है
   *[other] ये { $length } अक्षर हैं
  }, जो सवाल के लिए मेरी सीमा ({ $max }) से ज़्यादा है, और यह लेख जैसा भी नहीं लगता। छोटा सवाल पूछें, या इसे लेख के रूप में सहेजने के लिए /ingest के साथ पाठ भेजें।
ask-usage = /ask के साथ इस चैट के लेखों के बारे में अपना सवाल भेजें।
ask-me = मुझसे इस चैट के लेखों के बारे में सवाल पूछें, जैसे: @{ $username } बैठक में कौन था?
unknown-command = मैं यह कमांड नहीं जानता। /help बताता है कि मैं क्या कर सकता हूँ।
what-i-can-do = मुझे पाठ के रूप में सवाल, किसी लेख का लिंक, या लेख का पाठ या फ़ाइल (.txt, .html, .md, .pdf) भेजें। /help में और जानकारी है।
could-not-add = इसे जोड़ा नहीं जा सका: { $why }
reading-link = { $url } पढ़ रहा हूँ…
reading-text = आपका पाठ पढ़ रहा हूँ ({ $chars } अक्षर)…
reading-file = { $name } पढ़ रहा हूँ…
progress-chunking = अंशों में बाँट रहा हूँ…
progress-embedding = अंशों का इंडेक्स बना रहा हूँ: { $total } में से { $done }…
progress-embedding-unknown = अंशों का इंडेक्स बना रहा हूँ…
progress-storing = सहेज रहा हूँ…
paste-offer = यह एक लेख जैसा लगता है ({ $words } शब्द)। क्या मैं इसे इस चैट के लेखों में जोड़ दूँ? फिर आप मुझसे इसके बारे में पूछ सकते हैं।
paste-add = ➕ जोड़ें
paste-ask = ❓ यह एक सवाल है
paste-gone = अब वह पाठ मेरे पास नहीं है; कृपया उसे फिर से भेजें।
paste-adding = जोड़ रहा हूँ…
paste-asking = इसे सवाल मानकर जवाब दे रहा हूँ…
undo = ↩️ पूर्ववत करें
undone-html = { $title } फिर से हटा दिया। उसका कुछ भी नहीं रखा गया।
undo-gone = वह लेख अब यहाँ नहीं है।
forget-usage = /forget के साथ लेख की id भेजें; /list उन्हें दिखाता है।
no-such-article-html = इस चैट में <code>{ $id }</code> नाम का कोई लेख नहीं है। /list लेख दिखाता है।
forgot-html = { $title } भुला दिया (<code>{ $id }</code>)।
added-html = { $title } जोड़ा: { $chunks ->
    [one] { $chunks } अंश
   *[other] { $chunks } अंश
  } (id <code>{ $id }</code>)। मुझसे इसके बारे में पूछें, या /list देखें।
already-have-html = { $title } मेरे पास पहले से है (id <code>{ $id }</code>)। मुझसे इसके बारे में पूछें, या /list देखें।
untitled = बिना शीर्षक
# A second quote from the article the quote above came from.
same-article = वही लेख
stranger = क्षमा करें, यह बॉट निजी है। आपकी Telegram यूज़र id { $userId } है; इसके मालिक ALLOWED_USER_IDS={ $userId } सेट करके आपको अनुमति दे सकते हैं।
stranger-in-group = क्षमा करें, यह बॉट निजी है। आपकी Telegram यूज़र id { $userId } है; इसके मालिक ALLOWED_USER_IDS={ $userId } सेट करके आपको, या ALLOWED_CHAT_IDS={ $chatId } से इस पूरे ग्रुप को अनुमति दे सकते हैं।
new-conversation = नए सिरे से शुरू: मैंने पिछले सवाल छोड़ दिए हैं, इसलिए अगला सवाल अपने आप में अलग होगा। आपके लेख बने रहेंगे; /list उन्हें दिखाता है।
not-found = मुझे इस चैट के लेखों में इसके बारे में कुछ नहीं मिला। /ingest के साथ कोई लिंक या लेख का पाठ भेजकर एक लेख जोड़ें।
help-intro = आप मुझे जो लेख देते हैं, मैं उनके बारे में सवालों के जवाब देता हूँ और जिन अंशों पर आधारित हूँ, उन्हें उद्धृत करता हूँ।
help-adding-private = मुझे लिंक भेजें, मैं उसे पढ़ूँगा; किसी लेख का पाठ चिपकाएँ, मैं उसे रखने का सुझाव दूँगा; या .txt/.html/.md/.pdf फ़ाइल भेजें। /ingest <लिंक या पाठ> भी काम करता है।
help-adding-group = लेख जोड़ने के लिए /ingest <लिंक>, चिपकाए गए पाठ के साथ /ingest, या किसी संदेश या .txt/.html/.md/.pdf फ़ाइल के जवाब में /ingest भेजें।
help-asking-private = फिर बस यहीं सवाल पूछें। आगे के सवाल भी चलते हैं (“उसने क्या कहा?”); /new नए सिरे से शुरू करता है।
help-asking-group = फिर /ask <सवाल> से, @{ $username } का ज़िक्र करके, या मेरे किसी संदेश का जवाब देकर पूछें (किसी जवाब का जवाब उसी बातचीत को आगे बढ़ाता है)।
help-list = /list इस चैट के लेख दिखाता है; /forget <id> किसी एक को हटाता है।
admin-stats = एडमिन: पिछले 24 घंटों में { $answered ->
    [one] { $answered } सवाल का जवाब दिया
   *[other] { $answered } सवालों के जवाब दिए
  }, { $declined } अस्वीकार किए ({ $followUps } आगे के सवाल), जवाब के समय का p95 { $p95 }। सर्वर पर `footnote stats` और दिखाता है।
milliseconds = { $ms } मि.से.
list-empty = इस चैट में अभी कोई लेख नहीं है। /ingest के साथ कोई लिंक या लेख का पाठ भेजकर एक लेख जोड़ें।
list-header-html = <b>इस चैट के लेख ({ $count })</b>
list-page = — पृष्ठ { $pages } में से { $page }
list-published = प्रकाशित { $date }
list-added = जोड़ा गया { $date }
list-passages = { $chunks } अंश
list-footer-html = किसी को भुलाने के लिए: /forget &lt;id&gt;।
list-prev = ‹ पिछला
list-next = अगला ›
error-generic = हमारी तरफ़ से कुछ गड़बड़ हो गई। कृपया फिर कोशिश करें; अगर ऐसा होता रहे, तो बॉट के एडमिन को बताएँ।
cmd-ask = इस चैट के लेखों के बारे में सवाल पूछें
cmd-ingest = लेख जोड़ें: लिंक, चिपकाया गया पाठ, या किसी फ़ाइल का जवाब
cmd-new = नए सिरे से शुरू करें: अगला सवाल पिछले से नहीं जुड़ेगा
cmd-list = इस चैट के लेख दिखाएँ
cmd-forget = कोई लेख हटाएँ: /forget <id>
cmd-help = इस बॉट का इस्तेमाल कैसे करें
the-file = फ़ाइल
unreadable-file = मैं .txt, .html, .md और .pdf फ़ाइलें पढ़ सकता हूँ; { $name } इनमें से नहीं है।
error-fetch = मैं वह पेज या फ़ाइल नहीं ला सका।
error-content = मुझे इसमें लेख का पाठ नहीं मिला।
error-too-large = यह मेरे लिए बहुत बड़ा है।
error-bad-input = मैं इसका उपयोग नहीं कर सका।
error-provider = मेरे पीछे का भाषा मॉडल जवाब नहीं दे रहा; कृपया थोड़ी देर बाद फिर कोशिश करें।
error-with-detail = { $summary } विवरण (अंग्रेज़ी में): { $detail }

# autoread and small talk
cmd-autoread = इस ग्रुप में भेजा गया हर लिंक पढ़ें: /autoread on या off
autoread-on = ऑटो-रीड चालू है: इस ग्रुप में भेजा गया हर लिंक मैं पढ़ूँगा। /autoread off इसे बंद करता है।
autoread-off = ऑटो-रीड बंद है: यहाँ मैं लिंक तभी पढ़ता हूँ जब /ingest से कहा जाए।
autoread-state-on = यहाँ ऑटो-रीड चालू है: इस ग्रुप में भेजा गया हर लिंक मैं पढ़ता हूँ। /autoread off इसे बंद करता है।
autoread-state-off = यहाँ ऑटो-रीड बंद है। /autoread on से मैं इस ग्रुप में भेजा गया हर लिंक पढ़ूँगा; /autoread off इसे बंद करता है।
autoread-private = ऑटो-रीड ग्रुप के लिए है: यहाँ हमारी चैट में आप जो भी लिंक भेजते हैं, मैं वैसे भी पढ़ता हूँ।
autoread-only-admins = ऑटो-रीड को सिर्फ़ ग्रुप के एडमिन चालू या बंद कर सकते हैं।
autoread-privacy = ऑटो-रीड चालू है, लेकिन Telegram का प्राइवेसी मोड इस ग्रुप के संदेश मुझसे छिपाता है: मुझे सिर्फ़ कमांड और मुझे संबोधित संदेश दिखते हैं। लिंक पढ़ने देने के लिए @BotFather खोलें, /setprivacy भेजें, @{ $username } चुनें और Disable दबाएँ; फिर मुझे इस ग्रुप से हटाकर दोबारा जोड़ें।
hello = नमस्ते! आप मुझे जो लेख देते हैं, उनके बारे में सवालों के जवाब मैं इस्तेमाल किए गए अंशों को उद्धृत करके देता हूँ।
hello-articles = { $count ->
    [one] इस चैट में { $count } लेख है: इसके बारे में कुछ भी पूछें।
   *[other] इस चैट में { $count } लेख हैं: इनके बारे में कुछ भी पूछें।
  }
hello-start-private = मुझे कोई लिंक भेजें या किसी लेख का पाठ चिपकाएँ, फिर उसके बारे में मुझसे पूछें। /help और बताता है।
hello-start-group = /ingest के साथ कोई लिंक या पाठ भेजकर लेख जोड़ें, फिर /ask से उसके बारे में मुझसे पूछें। /help और बताता है।
you-are-welcome = आपका स्वागत है! इस चैट के लेखों के बारे में कुछ और भी पूछें।

# companion
cmd-summary = किसी लेख का सार: /summary [id]
companion-try-asking = यह पूछकर देखें:
companion-suggested-gone = उस सवाल वाला लेख अब इस चैट में नहीं है।
summary-no-articles = इस चैट में अभी कोई लेख नहीं है। /ingest के साथ कोई लिंक या लेख का पाठ भेजकर एक लेख जोड़ें।
summary-nothing = मैं उस लेख का सार नहीं बना सका।
help-summary = /summary [id] बताता है कि लेख किस बारे में है (id के बिना, वह लेख जिसकी हमने आख़िरी बार बात की); "tl;dr" भी यही करता है।
