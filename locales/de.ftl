ingest-usage = Schicken Sie /ingest mit einem Link oder dem Text des Artikels, oder antworten Sie mit /ingest auf eine Nachricht oder eine .txt-, .html-, .md- oder .pdf-Datei.
not-an-article = Ich habe darin keinen Link gefunden, und { $words ->
    [one] { $words } Wort ist
   *[other] { $words } Wörter sind
  } zu kurz für einen Artikel, also habe ich nichts gespeichert. { ingest-usage }
no-text-in-message = Diese Nachricht enthält keinen Text. { ingest-usage }
only-admins-add = Nur die Admins des Bots können hier Artikel hinzufügen.
only-admins-remove = Nur die Admins des Bots können hier Artikel entfernen.
ingest-too-fast = Sie fügen mehr als { $limit } Artikel pro Minute hinzu; versuchen Sie es in { $wait } erneut.
ask-too-fast = Sie stellen mehr als { $limit ->
    [one] { $limit } Frage
   *[other] { $limit } Fragen
  } pro Minute; versuchen Sie es in { $wait } erneut.
wait-seconds = { $n } s
wait-minutes = { $n } min
question-too-long = Das sind { $length } Zeichen, mehr als ich für eine Frage annehme ({ $max }), und es liest sich nicht wie ein Artikel. Fragen Sie kürzer, oder schicken Sie /ingest mit dem Text, um ihn als Artikel zu speichern.
ask-usage = Schicken Sie /ask mit Ihrer Frage zu den Artikeln dieses Chats.
ask-me = Stellen Sie mir eine Frage zu den Artikeln dieses Chats, z. B. @{ $username } wer war bei dem Treffen?
unknown-command = Diesen Befehl kenne ich nicht. /help zeigt, was ich kann.
what-i-can-do = Schicken Sie mir eine Frage als Text, einen Link zu einem Artikel oder den Text bzw. die Datei eines Artikels (.txt, .html, .md, .pdf). /help erklärt mehr.
could-not-add = Konnte das nicht hinzufügen: { $why }
reading-link = Lese { $url }…
reading-text = Lese Ihren Text ({ $chars ->
    [one] { $chars } Zeichen
   *[other] { $chars } Zeichen
  })…
reading-file = Lese { $name }…
progress-chunking = Zerlege ihn in Abschnitte…
progress-embedding = Indexiere Abschnitte: { $done } von { $total }…
progress-embedding-unknown = Indexiere Abschnitte…
progress-storing = Speichere…
paste-offer = Das sieht wie ein Artikel aus ({ $words ->
    [one] { $words } Wort
   *[other] { $words } Wörter
  }). Soll ich ihn zu den Artikeln dieses Chats hinzufügen? Dann können Sie mich dazu fragen.
paste-add = ➕ Hinzufügen
paste-ask = ❓ Das ist eine Frage
paste-gone = Diesen Text habe ich nicht mehr; bitte schicken Sie ihn noch einmal.
paste-adding = Füge ihn hinzu…
paste-asking = Beantworte ihn als Frage…
undo = ↩️ Rückgängig
undone-html = { $title } wieder entfernt. Nichts davon wird behalten.
undo-gone = Dieser Artikel ist nicht mehr da.
forget-usage = Schicken Sie /forget mit der id eines Artikels; /list zeigt sie.
no-such-article-html = Kein Artikel <code>{ $id }</code> in diesem Chat. /list zeigt die Artikel.
forgot-html = { $title } vergessen (<code>{ $id }</code>).
added-html = { $title } hinzugefügt: { $chunks ->
    [one] { $chunks } Abschnitt
   *[other] { $chunks } Abschnitte
  } (id <code>{ $id }</code>). Fragen Sie mich dazu, oder sehen Sie /list.
already-have-html = { $title } habe ich schon (id <code>{ $id }</code>). Fragen Sie mich dazu, oder sehen Sie /list.
untitled = Ohne Titel
# A second quote from the article the quote above came from.
same-article = derselbe Artikel
stranger = Dieser Bot ist leider privat. Ihre Telegram-Nutzer-id ist { $userId }; sein Besitzer kann Sie mit ALLOWED_USER_IDS={ $userId } zulassen.
stranger-in-group = Dieser Bot ist leider privat. Ihre Telegram-Nutzer-id ist { $userId }; sein Besitzer kann Sie mit ALLOWED_USER_IDS={ $userId } zulassen, oder diese ganze Gruppe mit ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Neu angefangen: Die früheren Fragen habe ich losgelassen, die nächste steht für sich. Ihre Artikel bleiben; /list zeigt sie.
not-found = Dazu habe ich in den Artikeln dieses Chats nichts gefunden. Fügen Sie einen mit /ingest und einem Link oder dem Text des Artikels hinzu.
help-intro = Ich beantworte Fragen zu den Artikeln, die Sie mir geben, und zitiere die Abschnitte, auf die ich mich stütze.
help-adding-private = Schicken Sie mir einen Link, und ich lese ihn; fügen Sie den Text eines Artikels ein, und ich biete an, ihn zu behalten; oder schicken Sie eine .txt/.html/.md/.pdf-Datei. /ingest <Link oder Text> geht auch.
help-adding-group = Fügen Sie einen Artikel mit /ingest <Link> hinzu, mit /ingest und eingefügtem Text, oder mit /ingest als Antwort auf eine Nachricht oder eine .txt/.html/.md/.pdf-Datei.
help-asking-private = Dann fragen Sie einfach hier. Nachfragen gehen auch („was hat er gesagt?“); /new fängt neu an.
help-asking-group = Dann fragen Sie mit /ask <Frage>, indem Sie @{ $username } erwähnen, oder indem Sie auf eine meiner Nachrichten antworten (eine Antwort auf eine Antwort führt deren Gespräch fort).
help-list = /list zeigt die Artikel dieses Chats; /forget <id> entfernt einen.
admin-stats = Admin: in den letzten 24 Stunden { $answered ->
    [one] { $answered } Frage
   *[other] { $answered } Fragen
  } beantwortet, { $declined } abgelehnt ({ $followUps ->
    [one] { $followUps } Nachfrage
   *[other] { $followUps } Nachfragen
  }), p95 der Antwortzeit { $p95 }. `footnote stats` auf dem Server zeigt mehr.
milliseconds = { $ms } ms
list-empty = Noch keine Artikel in diesem Chat. Fügen Sie einen mit /ingest und einem Link oder dem Text des Artikels hinzu.
list-header-html = <b>Artikel in diesem Chat ({ $count })</b>
list-page = — Seite { $page } von { $pages }
list-published = veröffentlicht { $date }
list-added = hinzugefügt { $date }
list-passages = { $chunks ->
    [one] { $chunks } Abschnitt
   *[other] { $chunks } Abschnitte
  }
list-footer-html = Einen vergessen: /forget &lt;id&gt;.
list-prev = ‹ Zurück
list-next = Weiter ›
error-generic = Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal; wenn es wieder passiert, sagen Sie es dem Admin des Bots.
cmd-ask = Eine Frage zu den Artikeln dieses Chats stellen
cmd-ingest = Artikel hinzufügen: Link, Text oder Antwort auf eine Datei
cmd-new = Neu anfangen: die nächste Frage knüpft nicht an
cmd-list = Die Artikel dieses Chats zeigen
cmd-forget = Einen Artikel entfernen: /forget <id>
cmd-help = Wie man diesen Bot benutzt
the-file = die Datei
unreadable-file = Ich kann .txt-, .html-, .md- und .pdf-Dateien lesen; { $name } ist keine davon.
error-fetch = Ich konnte diese Seite oder Datei nicht abrufen.
error-content = Ich habe darin keinen Artikeltext gefunden.
error-too-large = Das ist zu groß für mich.
error-bad-input = Damit konnte ich nichts anfangen.
error-provider = Das Sprachmodell hinter mir hat nicht geantwortet; bitte versuchen Sie es gleich noch einmal.
error-with-detail = { $summary } Details (auf Englisch): { $detail }

# autoread and small talk
cmd-autoread = Jeden Link in dieser Gruppe lesen: /autoread on oder off
autoread-on = Autoread ist an: Ich lese jeden Link, der in dieser Gruppe gepostet wird. /autoread off schaltet es aus.
autoread-off = Autoread ist aus: Hier lese ich Links nur, wenn man mich mit /ingest darum bittet.
autoread-state-on = Autoread ist hier an: Ich lese jeden Link, der in dieser Gruppe gepostet wird. /autoread off schaltet es aus.
autoread-state-off = Autoread ist hier aus. Mit /autoread on lese ich jeden Link, der in dieser Gruppe gepostet wird; /autoread off schaltet es aus.
autoread-private = Autoread ist für Gruppen: Hier in unserem Chat lese ich ohnehin jeden Link, den Sie mir schicken.
autoread-only-admins = Nur die Admins der Gruppe können Autoread ein- oder ausschalten.
autoread-privacy = Autoread ist an, aber Telegrams Datenschutzmodus hält die Nachrichten dieser Gruppe von mir fern: Ich sehe nur Befehle und Nachrichten an mich. Damit ich die Links lesen kann, öffnen Sie @BotFather, senden Sie /setprivacy, wählen Sie @{ $username } und dann Disable; entfernen Sie mich danach aus dieser Gruppe und fügen Sie mich wieder hinzu.
hello = Hallo! Ich beantworte Fragen zu den Artikeln, die Sie mir geben, und zitiere die Stellen, auf die ich mich stütze.
hello-articles = Dieser Chat hat { $count } Artikel: Fragen Sie mich alles dazu.
hello-start-private = Schicken Sie mir einen Link oder fügen Sie den Text eines Artikels ein, und fragen Sie mich dann danach. /help erklärt mehr.
hello-start-group = Fügen Sie einen Artikel mit /ingest und einem Link oder seinem Text hinzu, und fragen Sie mich dann mit /ask danach. /help erklärt mehr.
you-are-welcome = Gern geschehen! Fragen Sie mich gern noch mehr zu den Artikeln dieses Chats.

# companion
cmd-summary = Einen Artikel zusammenfassen: /summary [id]
companion-try-asking = Fragen Sie zum Beispiel:
companion-suggested-gone = Der Artikel zu dieser Frage ist nicht mehr in diesem Chat.
summary-no-articles = In diesem Chat gibt es noch keine Artikel. Fügen Sie einen mit /ingest und einem Link oder dem Text des Artikels hinzu.
summary-nothing = Ich konnte diesen Artikel nicht zusammenfassen.
help-summary = /summary [id] sagt, worum es in einem Artikel geht (ohne id: in dem, über den wir zuletzt gesprochen haben); „tl;dr“ ebenso.
