ingest-usage = Envía /ingest seguido de un enlace o del texto del artículo, o responde /ingest a un mensaje o a un archivo .txt, .html, .md o .pdf.
not-an-article = No encontré ningún enlace, y { $words ->
    [one] { $words } palabra es
   *[other] { $words } palabras son
  } muy poco para un artículo, así que no guardé nada. { ingest-usage }
no-text-in-message = Ese mensaje no tiene texto que leer. { ingest-usage }
only-admins-add = Aquí solo los administradores del bot pueden añadir artículos.
only-admins-remove = Aquí solo los administradores del bot pueden quitar artículos.
ingest-too-fast = Estás añadiendo más de { $limit ->
    [one] { $limit } artículo
   *[other] { $limit } artículos
  } por minuto; vuelve a intentarlo en { $wait }.
ask-too-fast = Estás haciendo más de { $limit ->
    [one] { $limit } pregunta
   *[other] { $limit } preguntas
  } por minuto; vuelve a intentarlo en { $wait }.
wait-seconds = { $n } s
wait-minutes = { $n } min
question-too-long = { $length ->
    [one] Es { $length } carácter
   *[other] Son { $length } caracteres
  }, más de lo que acepto para una pregunta ({ $max }), y no parece un artículo. Pregunta algo más corto o envía /ingest seguido del texto para guardarlo como artículo.
ask-usage = Envía /ask seguido de tu pregunta sobre los artículos de este chat.
ask-me = Hazme una pregunta sobre los artículos de este chat, p. ej. @{ $username } ¿quién estuvo en la reunión?
unknown-command = No conozco ese comando. /help muestra lo que sé hacer.
what-i-can-do = Envíame una pregunta como texto, un enlace a un artículo o el texto o archivo de un artículo (.txt, .html, .md, .pdf). /help explica más.
could-not-add = No pude añadirlo: { $why }
reading-link = Leyendo { $url }…
reading-text = Leyendo tu texto ({ $chars ->
    [one] { $chars } carácter
   *[other] { $chars } caracteres
  })…
reading-file = Leyendo { $name }…
progress-chunking = Dividiéndolo en pasajes…
progress-embedding = Indexando pasajes: { $done } de { $total }…
progress-embedding-unknown = Indexando pasajes…
progress-storing = Guardando…
paste-offer = Parece un artículo ({ $words ->
    [one] { $words } palabra
   *[other] { $words } palabras
  }). ¿Lo añado a los artículos de este chat? Así podrás preguntarme sobre él.
paste-add = ➕ Añadirlo
paste-ask = ❓ Es una pregunta
paste-gone = Ya no tengo ese texto; envíalo de nuevo, por favor.
paste-adding = Añadiéndolo…
paste-asking = Respondiéndolo como pregunta…
undo = ↩️ Deshacer
undone-html = He vuelto a quitar { $title }. No se guarda nada de él.
undo-gone = Ese artículo ya no está aquí.
forget-usage = Envía /forget seguido del id de un artículo; /list los muestra.
no-such-article-html = No hay ningún artículo <code>{ $id }</code> en este chat. /list los muestra.
forgot-html = He olvidado { $title } (<code>{ $id }</code>).
added-html = He añadido { $title }: { $chunks ->
    [one] { $chunks } pasaje
   *[other] { $chunks } pasajes
  } (id <code>{ $id }</code>). Pregúntame sobre él o mira /list.
already-have-html = Ya tengo { $title } (id <code>{ $id }</code>). Pregúntame sobre él o mira /list.
untitled = Sin título
# A second quote from the article the quote above came from.
same-article = mismo artículo
stranger = Lo siento, este bot es privado. Tu id de usuario de Telegram es { $userId }; su dueño puede darte acceso con ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Lo siento, este bot es privado. Tu id de usuario de Telegram es { $userId }; su dueño puede darte acceso con ALLOWED_USER_IDS={ $userId }, o a todo este grupo con ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Empezamos de cero: he soltado las preguntas anteriores, así que la siguiente va por su cuenta. Tus artículos se quedan; /list los muestra.
not-found = No encontré nada sobre eso en los artículos de este chat. Añade uno con /ingest seguido de un enlace o del texto del artículo.
help-intro = Respondo preguntas sobre los artículos que me das y cito los pasajes en los que me baso.
help-adding-private = Envíame un enlace y lo leeré; pega el texto de un artículo y te ofreceré guardarlo; o envía un archivo .txt/.html/.md/.pdf. /ingest <enlace o texto> también funciona.
help-adding-group = Añade un artículo con /ingest <enlace>, /ingest seguido de texto pegado, o /ingest en respuesta a un mensaje o a un archivo .txt/.html/.md/.pdf.
help-asking-private = Luego simplemente pregunta aquí. Las preguntas de seguimiento también funcionan («¿qué dijo él?»); /new empieza de cero.
help-asking-group = Luego pregunta con /ask <pregunta>, mencionando a @{ $username } o respondiendo a uno de mis mensajes (responder a una respuesta continúa su conversación).
help-list = /list muestra los artículos de este chat; /forget <id> quita uno.
admin-stats = Admin: en las últimas 24 horas, { $answered ->
    [one] { $answered } pregunta respondida
   *[other] { $answered } preguntas respondidas
  }, { $declined ->
    [one] { $declined } rechazada
   *[other] { $declined } rechazadas
  } ({ $followUps } de seguimiento), p95 del tiempo de respuesta { $p95 }. `footnote stats` en el servidor muestra más.
milliseconds = { $ms } ms
list-empty = Aún no hay artículos en este chat. Añade uno con /ingest seguido de un enlace o del texto del artículo.
list-header-html = <b>Artículos de este chat ({ $count })</b>
list-page = — página { $page } de { $pages }
list-published = publicado { $date }
list-added = añadido { $date }
list-passages = { $chunks ->
    [one] { $chunks } pasaje
   *[other] { $chunks } pasajes
  }
list-footer-html = Olvida uno con /forget &lt;id&gt;.
list-prev = ‹ Anterior
list-next = Siguiente ›
error-generic = Algo salió mal de nuestro lado. Inténtalo de nuevo; si sigue pasando, avisa al administrador del bot.
cmd-ask = Preguntar sobre los artículos de este chat
cmd-ingest = Añadir un artículo: enlace, texto o respuesta a un archivo
cmd-new = Empezar de cero: la siguiente pregunta no continúa la anterior
cmd-list = Mostrar los artículos de este chat
cmd-forget = Quitar un artículo: /forget <id>
cmd-help = Cómo usar este bot
the-file = el archivo
unreadable-file = Puedo leer archivos .txt, .html, .md y .pdf; { $name } no es ninguno de ellos.
error-fetch = No pude obtener esa página o archivo.
error-content = No encontré texto de artículo en eso.
error-too-large = Eso es demasiado grande para mí.
error-bad-input = No pude usar eso.
error-provider = El modelo de lenguaje que uso no respondió; inténtalo de nuevo en un rato.
error-with-detail = { $summary } Detalles (en inglés): { $detail }

# autoread and small talk
cmd-autoread = Leer cada enlace publicado en este grupo: /autoread on u off
autoread-on = La lectura automática está activada: leeré cada enlace que se publique en este grupo. /autoread off la desactiva.
autoread-off = La lectura automática está desactivada: aquí solo leo enlaces cuando me lo piden con /ingest.
autoread-state-on = Aquí la lectura automática está activada: leo cada enlace que se publica en este grupo. /autoread off la desactiva.
autoread-state-off = Aquí la lectura automática está desactivada. Con /autoread on leeré cada enlace que se publique en este grupo; /autoread off la desactiva.
autoread-private = La lectura automática es para grupos: aquí, en nuestro chat, ya leo cada enlace que me envías.
autoread-only-admins = Solo los administradores del grupo pueden activar o desactivar la lectura automática.
autoread-privacy = La lectura automática está activada, pero el modo de privacidad de Telegram me oculta los mensajes de este grupo: solo veo los comandos y los mensajes dirigidos a mí. Para que pueda leer los enlaces, abre @BotFather, envía /setprivacy, elige @{ $username } y pulsa Disable; después sácame de este grupo y vuelve a añadirme.
hello = ¡Hola! Respondo preguntas sobre los artículos que me das, citando los pasajes que uso.
hello-articles = { $count ->
    [one] Este chat tiene { $count } artículo: pregúntame lo que quieras sobre él.
   *[other] Este chat tiene { $count } artículos: pregúntame lo que quieras sobre ellos.
  }
hello-start-private = Envíame un enlace o pega el texto de un artículo, y luego pregúntame sobre él. /help explica más.
hello-start-group = Añade un artículo con /ingest seguido de un enlace o de su texto, y luego pregúntame sobre él con /ask. /help explica más.
you-are-welcome = ¡De nada! Pregúntame lo que quieras sobre los artículos de este chat.

# companion
cmd-summary = Resumir un artículo: /summary [id]
companion-try-asking = Prueba a preguntar:
companion-suggested-gone = El artículo de esa pregunta ya no está en este chat.
summary-no-articles = Todavía no hay artículos en este chat. Añade uno con /ingest seguido de un enlace o del texto del artículo.
summary-nothing = No he podido hacer un resumen de ese artículo.
help-summary = /summary [id] cuenta de qué trata un artículo (sin id, el último del que hablamos); «tl;dr» también.
