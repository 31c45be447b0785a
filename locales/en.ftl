# What the bot says in English, the fallback for every language without a translation.
# Messages whose id ends in -html are Telegram HTML: keep their tags; their variables arrive escaped.
# Numbers ($words, $chars, $chunks, …) are formatted for the locale; ids and dates are passed as text.

ingest-usage = Send /ingest followed by a link or by the article's text, or reply /ingest to a message or to a .txt, .html, .md or .pdf file.
not-an-article = I found no link in that, and { $words ->
    [one] { $words } word
   *[other] { $words } words
  } is too short to be an article, so I stored nothing. { ingest-usage }
no-text-in-message = That message has no text to read. { ingest-usage }
only-admins-add = Only the bot's admins can add articles here.
only-admins-remove = Only the bot's admins can remove articles here.
ingest-too-fast = You are adding articles faster than { $limit } a minute; try again in { $wait }.
ask-too-fast = You are asking faster than { $limit ->
    [one] { $limit } question
   *[other] { $limit } questions
  } a minute; try again in { $wait }.
wait-seconds = { $n } s
wait-minutes = { $n } min
question-too-long = That is { $length ->
    [one] { $length } character
   *[other] { $length } characters
  }, more than I take for a question ({ $max }), and it does not read like an article. Ask something shorter, or send /ingest followed by the text to store it as an article.
ask-usage = Send /ask followed by your question about this chat's articles.
ask-me = Ask me a question about this chat's articles, e.g. @{ $username } who was at the meeting?
unknown-command = I don't know that command. /help lists what I can do.
what-i-can-do = Send me a question as text, a link to an article, or an article's text or file (.txt, .html, .md, .pdf). /help explains more.
could-not-add = Could not add that: { $why }
reading-link = Reading { $url }…
reading-text = Reading your text ({ $chars ->
    [one] { $chars } character
   *[other] { $chars } characters
  })…
reading-file = Reading { $name }…
progress-chunking = Cutting it into passages…
progress-embedding = Indexing passages: { $done } of { $total }…
progress-embedding-unknown = Indexing passages…
progress-storing = Saving…
paste-offer = That looks like an article ({ $words ->
    [one] { $words } word
   *[other] { $words } words
  }). Shall I add it to this chat's articles? Then you can ask me about it.
paste-add = ➕ Add it
paste-ask = ❓ It's a question
paste-gone = I no longer have that text; please send it again.
paste-adding = Adding it…
paste-asking = Answering it as a question…
undo = ↩️ Undo
undone-html = Removed { $title } again. Nothing of it is kept.
undo-gone = That article is no longer here.
forget-usage = Send /forget followed by an article's id; /list shows them.
no-such-article-html = No article <code>{ $id }</code> in this chat. /list shows them.
forgot-html = Forgot { $title } (<code>{ $id }</code>).
added-html = Added { $title }: { $chunks ->
    [one] { $chunks } passage
   *[other] { $chunks } passages
  } (id <code>{ $id }</code>). Ask me about it, or see /list.
already-have-html = I already have { $title } (id <code>{ $id }</code>). Ask me about it, or see /list.
untitled = Untitled
# A second quote from the article the quote above came from.
same-article = same article
stranger = Sorry, this bot is private. Your Telegram user id is { $userId }; its owner can let you in by setting ALLOWED_USER_IDS={ $userId }.
stranger-in-group = Sorry, this bot is private. Your Telegram user id is { $userId }; its owner can let you in by setting ALLOWED_USER_IDS={ $userId }, or this whole group with ALLOWED_CHAT_IDS={ $chatId }.
new-conversation = Started afresh: I've let go of our earlier questions, so the next one stands on its own. Your articles stay; /list shows them.
not-found = I found nothing about that in this chat's articles. Add one with /ingest followed by a link or the article's text.
help-intro = I answer questions about the articles you give me, citing the passages I used.
help-adding-private = Send me a link and I'll read it; paste an article's text and I'll offer to keep it; or send a .txt/.html/.md/.pdf file. /ingest <link or text> works too.
help-adding-group = Add an article with /ingest <link>, /ingest followed by pasted text, or /ingest as a reply to a message or a .txt/.html/.md/.pdf file.
help-asking-private = Then just ask a question here. Follow-ups work too (“what did he say?”); /new starts afresh.
help-asking-group = Then ask with /ask <question>, by mentioning @{ $username }, or by replying to one of my messages (a reply to an answer carries its conversation on).
help-list = /list shows this chat's articles; /forget <id> removes one.
admin-stats = Admin: in the last 24 hours { $answered ->
    [one] { $answered } question answered
   *[other] { $answered } questions answered
  }, { $declined } declined ({ $followUps ->
    [one] { $followUps } follow-up
   *[other] { $followUps } follow-ups
  }), p95 answer time { $p95 }. `footnote stats` on the server shows more.
milliseconds = { $ms } ms
list-empty = No articles in this chat yet. Add one with /ingest followed by a link or the article's text.
list-header-html = <b>Articles in this chat ({ $count })</b>
list-page = — page { $page } of { $pages }
list-published = published { $date }
list-added = added { $date }
list-passages = { $chunks ->
    [one] { $chunks } passage
   *[other] { $chunks } passages
  }
list-footer-html = Forget one with /forget &lt;id&gt;.
list-prev = ‹ Prev
list-next = Next ›
error-generic = Something went wrong on our side. Please try again; if it keeps happening, tell the bot's admin.
cmd-ask = Ask a question about this chat's articles
cmd-ingest = Add an article: a link, pasted text, or reply to a file
cmd-new = Start afresh: the next question does not follow on
cmd-list = Show this chat's articles
cmd-forget = Remove an article: /forget <id>
cmd-help = How to use this bot
the-file = the file
unreadable-file = I can read .txt, .html, .md and .pdf files; { $name } is not one of those.
error-fetch = I could not get that page or file.
error-content = I found no article text in that.
error-too-large = That is too large for me.
error-bad-input = I could not use that.
error-provider = The language model behind me did not answer; please try again in a while.
error-with-detail = { $summary } Details: { $detail }

# autoread and small talk
cmd-autoread = Read every link posted in this group: /autoread on or off
autoread-on = Autoread is on: I'll read every link posted in this group. /autoread off stops it.
autoread-off = Autoread is off: I read links here only when asked with /ingest.
autoread-state-on = Autoread is on here: I read every link posted in this group. /autoread off stops it.
autoread-state-off = Autoread is off here. With /autoread on I read every link posted in this group; /autoread off stops it.
autoread-private = Autoread is for groups: here in our chat I read every link you send me anyway.
autoread-only-admins = Only the group's admins can switch autoread on or off.
autoread-privacy = Autoread is on, but Telegram's privacy mode keeps this group's messages from me: I see only commands and messages addressed to me. To let me read the links, open @BotFather, send /setprivacy, choose @{ $username } and pick Disable; then remove me from this group and add me again.
hello = Hello! I answer questions about the articles you give me, quoting the passages I used.
hello-articles = { $count ->
    [one] This chat has { $count } article: ask me anything about it.
   *[other] This chat has { $count } articles: ask me anything about them.
  }
hello-start-private = Send me a link or paste an article's text, then ask me about it. /help explains more.
hello-start-group = Add an article with /ingest followed by a link or its text, then ask me about it with /ask. /help explains more.
you-are-welcome = You're welcome! Ask me anything else about this chat's articles.

# companion
cmd-summary = Summarise an article: /summary [id]
companion-try-asking = Try asking:
companion-suggested-gone = That question's article is no longer in this chat.
summary-no-articles = There are no articles in this chat yet. Add one with /ingest followed by a link or the article's text.
summary-nothing = I couldn't put together a summary of that article.
help-summary = /summary [id] says what an article is about (without an id, the one we last talked about); so does "tl;dr".
