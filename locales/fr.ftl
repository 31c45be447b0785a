ingest-usage = Envoyez /ingest suivi d’un lien ou du texte de l’article, ou répondez /ingest à un message ou à un fichier .txt, .html, .md ou .pdf.
not-an-article = Je n’y ai trouvé aucun lien, et { $words ->
    [one] { $words } mot, c’est
   *[other] { $words } mots, c’est
  } trop court pour un article : je n’ai donc rien enregistré. { ingest-usage }
no-text-in-message = Ce message ne contient aucun texte à lire. { ingest-usage }
only-admins-add = Ici, seuls les administrateurs du bot peuvent ajouter des articles.
only-admins-remove = Ici, seuls les administrateurs du bot peuvent retirer des articles.
ingest-too-fast = Vous ajoutez plus { $limit ->
    [one] d’{ $limit } article
   *[other] de { $limit } articles
  } par minute ; réessayez dans { $wait }.
ask-too-fast = Vous posez plus { $limit ->
    [one] d’{ $limit } question
   *[other] de { $limit } questions
  } par minute ; réessayez dans { $wait }.
wait-seconds = { $n } s
wait-minutes = { $n } min
question-too-long = Cela fait { $length ->
    [one] { $length } caractère
   *[other] { $length } caractères
  }, plus que ce que j’accepte pour une question ({ $max }), et cela ne ressemble pas à un article. Posez une question plus courte, ou envoyez /ingest suivi du texte pour l’enregistrer comme article.
ask-usage = Envoyez /ask suivi de votre question sur les articles de ce chat.
ask-me = Posez-moi une question sur les articles de ce chat, par ex. @{ $username } qui était à la réunion ?
unknown-command = Je ne connais pas cette commande. /help indique ce que je sais faire.
what-i-can-do = Envoyez-moi une question en texte, un lien vers un article, ou le texte ou le fichier d’un article (.txt, .html, .md, .pdf). /help en dit plus.
could-not-add = Impossible d’ajouter cela : { $why }
reading-link = Lecture de { $url }…
reading-text = Lecture de votre texte ({ $chars ->
    [one] { $chars } caractère
   *[other] { $chars } caractères
  })…
reading-file = Lecture de { $name }…
progress-chunking = Découpage en passages…
progress-embedding = Indexation des passages : { $done } sur { $total }…
progress-embedding-unknown = Indexation des passages…
progress-storing = Enregistrement…
paste-offer = Cela ressemble à un article ({ $words ->
    [one] { $words } mot
   *[other] { $words } mots
  }). Dois-je l’ajouter aux articles de ce chat ? Vous pourrez ensuite m’interroger dessus.
paste-add = ➕ L’ajouter
paste-ask = ❓ C’est une question
paste-gone = Je n’ai plus ce texte ; merci de le renvoyer.
paste-adding = Ajout en cours…
paste-asking = Je le traite comme une question…
undo = ↩️ Annuler
undone-html = { $title } a été retiré. Rien n’en est conservé.
undo-gone = Cet article n’est plus là.
forget-usage = Envoyez /forget suivi de l’id d’un article ; /list les affiche.
no-such-article-html = Aucun article <code>{ $id }</code> dans ce chat. /list les affiche.
forgot-html = J’ai oublié { $title } (<code>{ $id }</code>).
added-html = J’ai ajouté { $title } : { $chunks ->
    [one] { $chunks } passage
   *[other] { $chunks } passages
  } (id <code>{ $id }</code>). Interrogez-moi dessus, ou voyez /list.
already-have-html = J’ai déjà { $title } (id <code>{ $id }</code>). Interrogez-moi dessus, ou voyez /list.
untitled = Sans titre
# A second quote from the article the quote above came from.
same-article = même article
stranger = Désolé, ce bot est privé. Votre id d’utilisateur Telegram est { $userId } ; son propriétaire peut vous autoriser avec ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Désolé, ce bot est privé. Votre id d’utilisateur Telegram est { $userId } ; son propriétaire peut vous autoriser avec ALLOWED_USER_IDS={ $userId }, ou tout ce groupe avec ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = On repart de zéro : j’ai laissé de côté nos questions précédentes, la suivante sera indépendante. Vos articles restent ; /list les affiche.
not-found = Je n’ai rien trouvé à ce sujet dans les articles de ce chat. Ajoutez-en un avec /ingest suivi d’un lien ou du texte de l’article.
help-intro = Je réponds aux questions sur les articles que vous me donnez, en citant les passages sur lesquels je m’appuie.
help-adding-private = Envoyez-moi un lien et je le lirai ; collez le texte d’un article et je proposerai de le garder ; ou envoyez un fichier .txt/.html/.md/.pdf. /ingest <lien ou texte> fonctionne aussi.
help-adding-group = Ajoutez un article avec /ingest <lien>, /ingest suivi d’un texte collé, ou /ingest en réponse à un message ou à un fichier .txt/.html/.md/.pdf.
help-asking-private = Ensuite, posez simplement votre question ici. Les questions de suivi marchent aussi (« qu’a-t-il dit ? ») ; /new repart de zéro.
help-asking-group = Ensuite, posez votre question avec /ask <question>, en mentionnant @{ $username }, ou en répondant à l’un de mes messages (répondre à une réponse poursuit sa conversation).
help-list = /list affiche les articles de ce chat ; /forget <id> en retire un.
admin-stats = Admin : ces dernières 24 heures, { $answered ->
    [one] { $answered } question traitée
   *[other] { $answered } questions traitées
  }, { $declined ->
    [one] { $declined } déclinée
   *[other] { $declined } déclinées
  } ({ $followUps } de suivi), p95 du temps de réponse { $p95 }. `footnote stats` sur le serveur en montre plus.
milliseconds = { $ms } ms
list-empty = Pas encore d’article dans ce chat. Ajoutez-en un avec /ingest suivi d’un lien ou du texte de l’article.
list-header-html = <b>Articles de ce chat ({ $count })</b>
list-page = — page { $page } sur { $pages }
list-published = publié le { $date }
list-added = ajouté le { $date }
list-passages = { $chunks ->
    [one] { $chunks } passage
   *[other] { $chunks } passages
  }
list-footer-html = Oubliez-en un avec /forget &lt;id&gt;.
list-prev = ‹ Précédent
list-next = Suivant ›
error-generic = Un problème est survenu de notre côté. Veuillez réessayer ; si cela se reproduit, prévenez l’administrateur du bot.
cmd-ask = Poser une question sur les articles de ce chat
cmd-ingest = Ajouter un article : lien, texte collé ou réponse à un fichier
cmd-new = Repartir de zéro : la question suivante est indépendante
cmd-list = Afficher les articles de ce chat
cmd-forget = Retirer un article : /forget <id>
cmd-help = Comment utiliser ce bot
the-file = le fichier
unreadable-file = Je sais lire les fichiers .txt, .html, .md et .pdf ; { $name } n’en fait pas partie.
error-fetch = Je n’ai pas pu récupérer cette page ou ce fichier.
error-content = Je n’y ai trouvé aucun texte d’article.
error-too-large = C’est trop volumineux pour moi.
error-bad-input = Je n’ai pas pu utiliser cela.
error-provider = Le modèle de langage derrière moi n’a pas répondu ; réessayez dans un moment.
error-with-detail = { $summary } Détails (en anglais) : { $detail }

# autoread and small talk
cmd-autoread = Lire chaque lien publié dans ce groupe : /autoread on ou off
autoread-on = La lecture automatique est activée : je lirai chaque lien publié dans ce groupe. /autoread off la désactive.
autoread-off = La lecture automatique est désactivée : ici, je ne lis les liens que si on me le demande avec /ingest.
autoread-state-on = Ici, la lecture automatique est activée : je lis chaque lien publié dans ce groupe. /autoread off la désactive.
autoread-state-off = Ici, la lecture automatique est désactivée. Avec /autoread on, je lirai chaque lien publié dans ce groupe ; /autoread off la désactive.
autoread-private = La lecture automatique est faite pour les groupes : ici, dans notre conversation, je lis déjà chaque lien que vous m’envoyez.
autoread-only-admins = Seuls les administrateurs du groupe peuvent activer ou désactiver la lecture automatique.
autoread-privacy = La lecture automatique est activée, mais le mode de confidentialité de Telegram me cache les messages de ce groupe : je ne vois que les commandes et les messages qui me sont adressés. Pour que je puisse lire les liens, ouvrez @BotFather, envoyez /setprivacy, choisissez @{ $username } puis Disable ; ensuite, retirez-moi de ce groupe et ajoutez-moi à nouveau.
hello = Bonjour ! Je réponds aux questions sur les articles que vous me donnez, en citant les passages utilisés.
hello-articles = { $count ->
    [one] Ce chat contient { $count } article : posez-moi toutes vos questions à son sujet.
   *[other] Ce chat contient { $count } articles : posez-moi toutes vos questions à leur sujet.
  }
hello-start-private = Envoyez-moi un lien ou collez le texte d’un article, puis posez-moi vos questions à son sujet. /help en dit plus.
hello-start-group = Ajoutez un article avec /ingest suivi d’un lien ou de son texte, puis interrogez-moi avec /ask. /help en dit plus.
you-are-welcome = Avec plaisir ! Posez-moi d’autres questions sur les articles de ce chat.

# companion
cmd-summary = Résumer un article : /summary [id]
companion-try-asking = Essayez de demander :
companion-suggested-gone = L’article de cette question n’est plus dans ce chat.
summary-no-articles = Il n’y a encore aucun article dans ce chat. Ajoutez-en un avec /ingest suivi d’un lien ou du texte de l’article.
summary-nothing = Je n’ai pas réussi à résumer cet article.
help-summary = /summary [id] dit de quoi parle un article (sans id, celui dont nous avons parlé en dernier) ; « tl;dr » aussi.
