ingest-usage = Invia /ingest seguito da un link o dal testo dell’articolo, oppure rispondi /ingest a un messaggio o a un file .txt, .html, .md o .pdf.
not-an-article = Non ho trovato nessun link, e { $words ->
    [one] { $words } parola è
   *[other] { $words } parole sono
  } troppo poco per un articolo, quindi non ho salvato nulla. { ingest-usage }
no-text-in-message = Quel messaggio non ha testo da leggere. { ingest-usage }
only-admins-add = Qui solo gli amministratori del bot possono aggiungere articoli.
only-admins-remove = Qui solo gli amministratori del bot possono rimuovere articoli.
ingest-too-fast = Stai aggiungendo più di { $limit ->
    [one] { $limit } articolo
   *[other] { $limit } articoli
  } al minuto; riprova tra { $wait }.
ask-too-fast = Stai facendo più di { $limit ->
    [one] { $limit } domanda
   *[other] { $limit } domande
  } al minuto; riprova tra { $wait }.
wait-seconds = { $n } s
wait-minutes = { $n } min
question-too-long = { $length ->
    [one] È { $length } carattere
   *[other] Sono { $length } caratteri
  }, più di quanti ne accetto per una domanda ({ $max }), e non sembra un articolo. Fai una domanda più breve, oppure invia /ingest seguito dal testo per salvarlo come articolo.
ask-usage = Invia /ask seguito dalla tua domanda sugli articoli di questa chat.
ask-me = Fammi una domanda sugli articoli di questa chat, ad es. @{ $username } chi c’era alla riunione?
unknown-command = Non conosco quel comando. /help elenca cosa so fare.
what-i-can-do = Inviami una domanda come testo, un link a un articolo, oppure il testo o il file di un articolo (.txt, .html, .md, .pdf). /help spiega di più.
could-not-add = Non sono riuscito ad aggiungerlo: { $why }
reading-link = Sto leggendo { $url }…
reading-text = Sto leggendo il tuo testo ({ $chars ->
    [one] { $chars } carattere
   *[other] { $chars } caratteri
  })…
reading-file = Sto leggendo { $name }…
progress-chunking = Lo divido in passaggi…
progress-embedding = Indicizzo i passaggi: { $done } di { $total }…
progress-embedding-unknown = Indicizzo i passaggi…
progress-storing = Salvo…
paste-offer = Sembra un articolo ({ $words ->
    [one] { $words } parola
   *[other] { $words } parole
  }). Lo aggiungo agli articoli di questa chat? Poi potrai farmi domande su di esso.
paste-add = ➕ Aggiungilo
paste-ask = ❓ È una domanda
paste-gone = Non ho più quel testo; per favore invialo di nuovo.
paste-adding = Lo aggiungo…
paste-asking = Rispondo come a una domanda…
undo = ↩️ Annulla
undone-html = Ho rimosso di nuovo { $title }. Non ne resta nulla.
undo-gone = Quell’articolo non c’è più.
forget-usage = Invia /forget seguito dall’id di un articolo; /list li mostra.
no-such-article-html = Nessun articolo <code>{ $id }</code> in questa chat. /list li mostra.
forgot-html = Ho dimenticato { $title } (<code>{ $id }</code>).
added-html = Ho aggiunto { $title }: { $chunks ->
    [one] { $chunks } passaggio
   *[other] { $chunks } passaggi
  } (id <code>{ $id }</code>). Fammi domande su di esso o guarda /list.
already-have-html = Ho già { $title } (id <code>{ $id }</code>). Fammi domande su di esso o guarda /list.
untitled = Senza titolo
# A second quote from the article the quote above came from.
same-article = stesso articolo
stranger = Spiacente, questo bot è privato. Il tuo id utente Telegram è { $userId }; il proprietario può farti entrare impostando ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Spiacente, questo bot è privato. Il tuo id utente Telegram è { $userId }; il proprietario può farti entrare impostando ALLOWED_USER_IDS={ $userId }, o far entrare tutto questo gruppo con ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Si ricomincia: ho lasciato andare le domande precedenti, quindi la prossima è a sé. I tuoi articoli restano; /list li mostra.
not-found = Non ho trovato nulla su questo negli articoli di questa chat. Aggiungine uno con /ingest seguito da un link o dal testo dell’articolo.
help-intro = Rispondo a domande sugli articoli che mi dai, citando i passaggi su cui mi baso.
help-adding-private = Mandami un link e lo leggo; incolla il testo di un articolo e ti propongo di tenerlo; oppure invia un file .txt/.html/.md/.pdf. Funziona anche /ingest <link o testo>.
help-adding-group = Aggiungi un articolo con /ingest <link>, /ingest seguito da testo incollato, oppure /ingest in risposta a un messaggio o a un file .txt/.html/.md/.pdf.
help-asking-private = Poi fai semplicemente una domanda qui. Funzionano anche le domande di seguito («cosa ha detto?»); /new ricomincia.
help-asking-group = Poi chiedi con /ask <domanda>, menzionando @{ $username }, oppure rispondendo a uno dei miei messaggi (rispondere a una risposta ne continua la conversazione).
help-list = /list mostra gli articoli di questa chat; /forget <id> ne rimuove uno.
admin-stats = Admin: nelle ultime 24 ore { $answered ->
    [one] { $answered } domanda con risposta
   *[other] { $answered } domande con risposta
  }, { $declined ->
    [one] { $declined } declinata
   *[other] { $declined } declinate
  } ({ $followUps } di seguito), p95 del tempo di risposta { $p95 }. `footnote stats` sul server mostra di più.
milliseconds = { $ms } ms
list-empty = Ancora nessun articolo in questa chat. Aggiungine uno con /ingest seguito da un link o dal testo dell’articolo.
list-header-html = <b>Articoli di questa chat ({ $count })</b>
list-page = — pagina { $page } di { $pages }
list-published = pubblicato il { $date }
list-added = aggiunto il { $date }
list-passages = { $chunks ->
    [one] { $chunks } passaggio
   *[other] { $chunks } passaggi
  }
list-footer-html = Dimenticane uno con /forget &lt;id&gt;.
list-prev = ‹ Indietro
list-next = Avanti ›
error-generic = Qualcosa è andato storto da parte nostra. Riprova; se continua a succedere, avvisa l’amministratore del bot.
cmd-ask = Fai una domanda sugli articoli di questa chat
cmd-ingest = Aggiungi un articolo: link, testo incollato o risposta a un file
cmd-new = Ricomincia: la prossima domanda non segue la precedente
cmd-list = Mostra gli articoli di questa chat
cmd-forget = Rimuovi un articolo: /forget <id>
cmd-help = Come usare questo bot
the-file = il file
unreadable-file = So leggere file .txt, .html, .md e .pdf; { $name } non è uno di questi.
error-fetch = Non sono riuscito a ottenere quella pagina o quel file.
error-content = Non ho trovato il testo di un articolo lì dentro.
error-too-large = È troppo grande per me.
error-bad-input = Non sono riuscito a usarlo.
error-provider = Il modello linguistico che uso non ha risposto; riprova tra poco.
error-with-detail = { $summary } Dettagli (in inglese): { $detail }

# autoread and small talk
cmd-autoread = Leggere ogni link pubblicato in questo gruppo: /autoread on oppure off
autoread-on = La lettura automatica è attiva: leggerò ogni link pubblicato in questo gruppo. /autoread off la disattiva.
autoread-off = La lettura automatica è disattivata: qui leggo i link solo quando me lo chiedono con /ingest.
autoread-state-on = Qui la lettura automatica è attiva: leggo ogni link pubblicato in questo gruppo. /autoread off la disattiva.
autoread-state-off = Qui la lettura automatica è disattivata. Con /autoread on leggerò ogni link pubblicato in questo gruppo; /autoread off la disattiva.
autoread-private = La lettura automatica è per i gruppi: qui, nella nostra chat, leggo già ogni link che mi mandi.
autoread-only-admins = Solo gli amministratori del gruppo possono attivare o disattivare la lettura automatica.
autoread-privacy = La lettura automatica è attiva, ma la modalità privacy di Telegram mi nasconde i messaggi di questo gruppo: vedo solo i comandi e i messaggi rivolti a me. Per farmi leggere i link, apri @BotFather, invia /setprivacy, scegli @{ $username } e poi Disable; quindi rimuovimi da questo gruppo e aggiungimi di nuovo.
hello = Ciao! Rispondo alle domande sugli articoli che mi dai, citando i passaggi che ho usato.
hello-articles = { $count ->
    [one] Questa chat ha { $count } articolo: chiedimi quello che vuoi.
   *[other] Questa chat ha { $count } articoli: chiedimi quello che vuoi.
  }
hello-start-private = Mandami un link o incolla il testo di un articolo, poi fammi domande su di esso. /help spiega di più.
hello-start-group = Aggiungi un articolo con /ingest seguito da un link o dal suo testo, poi fammi domande con /ask. /help spiega di più.
you-are-welcome = Prego! Chiedimi pure altro sugli articoli di questa chat.

# companion
cmd-summary = Riassumi un articolo: /summary [id]
companion-try-asking = Prova a chiedere:
companion-suggested-gone = L’articolo di quella domanda non è più in questa chat.
summary-no-articles = In questa chat non ci sono ancora articoli. Aggiungine uno con /ingest seguito da un link o dal testo dell’articolo.
summary-nothing = Non sono riuscito a riassumere quell’articolo.
help-summary = /summary [id] dice di cosa parla un articolo (senza id, l’ultimo di cui abbiamo parlato); anche «tl;dr».
