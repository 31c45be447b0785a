ingest-usage = Envie /ingest seguido de um link ou do texto do artigo, ou responda /ingest a uma mensagem ou a um arquivo .txt, .html, .md ou .pdf.
not-an-article = Não encontrei nenhum link aí, e { $words ->
    [one] { $words } palavra é
   *[other] { $words } palavras são
  } pouco demais para um artigo, então não guardei nada. { ingest-usage }
no-text-in-message = Essa mensagem não tem texto para ler. { ingest-usage }
only-admins-add = Aqui só os administradores do bot podem adicionar artigos.
only-admins-remove = Aqui só os administradores do bot podem remover artigos.
ingest-too-fast = Você está adicionando mais de { $limit ->
    [one] { $limit } artigo
   *[other] { $limit } artigos
  } por minuto; tente de novo em { $wait }.
ask-too-fast = Você está fazendo mais de { $limit ->
    [one] { $limit } pergunta
   *[other] { $limit } perguntas
  } por minuto; tente de novo em { $wait }.
wait-seconds = { $n } s
wait-minutes = { $n } min
question-too-long = { $length ->
    [one] É { $length } caractere
   *[other] São { $length } caracteres
  }, mais do que aceito numa pergunta ({ $max }), e não parece um artigo. Pergunte algo mais curto ou envie /ingest seguido do texto para guardá-lo como artigo.
ask-usage = Envie /ask seguido da sua pergunta sobre os artigos deste chat.
ask-me = Faça-me uma pergunta sobre os artigos deste chat, por exemplo: @{ $username } quem estava na reunião?
unknown-command = Não conheço esse comando. /help mostra o que sei fazer.
what-i-can-do = Envie-me uma pergunta em texto, um link para um artigo, ou o texto ou arquivo de um artigo (.txt, .html, .md, .pdf). /help explica mais.
could-not-add = Não consegui adicionar isso: { $why }
reading-link = Lendo { $url }…
reading-text = Lendo seu texto ({ $chars ->
    [one] { $chars } caractere
   *[other] { $chars } caracteres
  })…
reading-file = Lendo { $name }…
progress-chunking = Dividindo em trechos…
progress-embedding = Indexando trechos: { $done } de { $total }…
progress-embedding-unknown = Indexando trechos…
progress-storing = Salvando…
paste-offer = Parece um artigo ({ $words ->
    [one] { $words } palavra
   *[other] { $words } palavras
  }). Devo adicioná-lo aos artigos deste chat? Assim você pode me perguntar sobre ele.
paste-add = ➕ Adicionar
paste-ask = ❓ É uma pergunta
paste-gone = Não tenho mais esse texto; envie-o de novo, por favor.
paste-adding = Adicionando…
paste-asking = Respondendo como pergunta…
undo = ↩️ Desfazer
undone-html = Removi { $title } de novo. Nada dele fica guardado.
undo-gone = Esse artigo não está mais aqui.
forget-usage = Envie /forget seguido do id de um artigo; /list mostra os ids.
no-such-article-html = Não há artigo <code>{ $id }</code> neste chat. /list mostra os artigos.
forgot-html = Esqueci { $title } (<code>{ $id }</code>).
added-html = Adicionei { $title }: { $chunks ->
    [one] { $chunks } trecho
   *[other] { $chunks } trechos
  } (id <code>{ $id }</code>). Pergunte-me sobre ele ou veja /list.
already-have-html = Já tenho { $title } (id <code>{ $id }</code>). Pergunte-me sobre ele ou veja /list.
untitled = Sem título
# A second quote from the article the quote above came from.
same-article = mesmo artigo
stranger = Desculpe, este bot é privado. Seu id de usuário do Telegram é { $userId }; o dono pode liberar você com ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Desculpe, este bot é privado. Seu id de usuário do Telegram é { $userId }; o dono pode liberar você com ALLOWED_USER_IDS={ $userId }, ou este grupo inteiro com ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Recomeçamos: deixei de lado as perguntas anteriores, então a próxima vale por si. Seus artigos continuam; /list mostra os artigos.
not-found = Não encontrei nada sobre isso nos artigos deste chat. Adicione um com /ingest seguido de um link ou do texto do artigo.
help-intro = Respondo perguntas sobre os artigos que você me dá, citando os trechos em que me baseei.
help-adding-private = Envie-me um link e eu o leio; cole o texto de um artigo e eu ofereço guardá-lo; ou envie um arquivo .txt/.html/.md/.pdf. /ingest <link ou texto> também funciona.
help-adding-group = Adicione um artigo com /ingest <link>, /ingest seguido de texto colado, ou /ingest em resposta a uma mensagem ou a um arquivo .txt/.html/.md/.pdf.
help-asking-private = Depois é só perguntar aqui. Perguntas de acompanhamento também funcionam (“o que ele disse?”); /new recomeça.
help-asking-group = Depois pergunte com /ask <pergunta>, mencionando @{ $username }, ou respondendo a uma das minhas mensagens (responder a uma resposta continua a conversa dela).
help-list = /list mostra os artigos deste chat; /forget <id> remove um.
admin-stats = Admin: nas últimas 24 horas, { $answered ->
    [one] { $answered } pergunta respondida
   *[other] { $answered } perguntas respondidas
  }, { $declined ->
    [one] { $declined } recusada
   *[other] { $declined } recusadas
  } ({ $followUps } de acompanhamento), p95 do tempo de resposta { $p95 }. `footnote stats` no servidor mostra mais.
milliseconds = { $ms } ms
list-empty = Ainda não há artigos neste chat. Adicione um com /ingest seguido de um link ou do texto do artigo.
list-header-html = <b>Artigos deste chat ({ $count })</b>
list-page = — página { $page } de { $pages }
list-published = publicado em { $date }
list-added = adicionado em { $date }
list-passages = { $chunks ->
    [one] { $chunks } trecho
   *[other] { $chunks } trechos
  }
list-footer-html = Esqueça um com /forget &lt;id&gt;.
list-prev = ‹ Anterior
list-next = Próxima ›
error-generic = Algo deu errado do nosso lado. Tente de novo; se continuar acontecendo, avise o administrador do bot.
cmd-ask = Perguntar sobre os artigos deste chat
cmd-ingest = Adicionar um artigo: link, texto colado ou resposta a um arquivo
cmd-new = Recomeçar: a próxima pergunta não continua a anterior
cmd-list = Mostrar os artigos deste chat
cmd-forget = Remover um artigo: /forget <id>
cmd-help = Como usar este bot
the-file = o arquivo
unreadable-file = Consigo ler arquivos .txt, .html, .md e .pdf; { $name } não é nenhum deles.
error-fetch = Não consegui obter essa página ou arquivo.
error-content = Não encontrei texto de artigo nisso.
error-too-large = Isso é grande demais para mim.
error-bad-input = Não consegui usar isso.
error-provider = O modelo de linguagem por trás de mim não respondeu; tente de novo daqui a pouco.
error-with-detail = { $summary } Detalhes (em inglês): { $detail }

# autoread and small talk
cmd-autoread = Ler todo link publicado neste grupo: /autoread on ou off
autoread-on = A leitura automática está ativada: vou ler todo link publicado neste grupo. /autoread off a desativa.
autoread-off = A leitura automática está desativada: aqui só leio links quando me pedem com /ingest.
autoread-state-on = Aqui a leitura automática está ativada: leio todo link publicado neste grupo. /autoread off a desativa.
autoread-state-off = Aqui a leitura automática está desativada. Com /autoread on, vou ler todo link publicado neste grupo; /autoread off a desativa.
autoread-private = A leitura automática é para grupos: aqui no nosso chat eu já leio todo link que você me envia.
autoread-only-admins = Só os administradores do grupo podem ativar ou desativar a leitura automática.
autoread-privacy = A leitura automática está ativada, mas o modo de privacidade do Telegram esconde de mim as mensagens deste grupo: só vejo comandos e mensagens dirigidas a mim. Para eu poder ler os links, abra o @BotFather, envie /setprivacy, escolha @{ $username } e toque em Disable; depois remova-me deste grupo e adicione-me de novo.
hello = Olá! Respondo a perguntas sobre os artigos que você me dá, citando os trechos que usei.
hello-articles = { $count ->
    [one] Este chat tem { $count } artigo: pergunte-me o que quiser sobre ele.
   *[other] Este chat tem { $count } artigos: pergunte-me o que quiser sobre eles.
  }
hello-start-private = Envie-me um link ou cole o texto de um artigo e depois me pergunte sobre ele. /help explica mais.
hello-start-group = Adicione um artigo com /ingest seguido de um link ou do texto, e depois me pergunte sobre ele com /ask. /help explica mais.
you-are-welcome = De nada! Pergunte-me o que quiser sobre os artigos deste chat.

# companion
cmd-summary = Resumir um artigo: /summary [id]
companion-try-asking = Experimente perguntar:
companion-suggested-gone = O artigo dessa pergunta já não está neste chat.
summary-no-articles = Ainda não há artigos neste chat. Adicione um com /ingest seguido de um link ou do texto do artigo.
summary-nothing = Não consegui fazer um resumo desse artigo.
help-summary = /summary [id] diz do que trata um artigo (sem id, o último de que falamos); "tl;dr" também.
