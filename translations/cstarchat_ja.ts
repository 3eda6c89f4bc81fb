<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>受け付けられませんでした。入力内容をご確認ください。</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>セッションの有効期限が切れました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>続けるにはサインインしてください。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>この操作を行う権限がありません。</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>見つかりませんでした。削除された可能性があります。</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>その間に内容が変更されました。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>リクエストが多すぎます。しばらく待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>サポートサービスで問題が発生しています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>サポートサービスに接続できませんでした。接続を確認してください。</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>サポートサービスから時間内に応答がありませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>サポートサービスから、このアプリでは読み取れない応答が返されました。</translation>
    </message>
</context>
<context>
    <name>CStar::ChatFormat</name>
    <message>
        <source>[image: %1]</source>
        <translation>[画像: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ChatPanel</name>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>この会話を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>新しい会話を始める</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新しい会話 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>サインインしてすべての会話を表示</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>会話一覧に戻る</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>件名（任意）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>新着メッセージ ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>新着メッセージへ移動</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>入力中インジケーター</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>まだ会話はありません。「新しい会話」から始めましょう。</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>サインインすると、すべての会話を表示できます。</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 さんが入力中…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 さんと %2 さんが入力中…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>複数の人が入力中…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>お困りのことをお聞かせください。通常、数分以内にお返事します。</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>会話を選択するか、新しい会話を始めてください。</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>まだメッセージはありません。</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>会話を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>テキストをコピー</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>ゲストとしてチャットしています。サインインすると、ほかの場所で始めた会話も表示されます。</translation>
    </message>
</context>
<context>
    <name>CStar::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>メッセージを入力…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>送信 (Enter)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 文字</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>接続状態</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>再接続中…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>リアルタイム更新を利用できません — %n 秒ごとに確認しています</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 さんが入力中…</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>お客様</translation>
    </message>
    <message>
        <source>cStar demo — Agent console</source>
        <translation>cStar デモ — エージェントコンソール</translation>
    </message>
    <message>
        <source>All tickets of the team</source>
        <translation>チームのすべてのチケット</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Reply as:</source>
        <translation>返信者名:</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>エージェント名</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>ステータス:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>優先度:</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>チケットのステータス</translation>
    </message>
    <message>
        <source>Ticket priority</source>
        <translation>チケットの優先度</translation>
    </message>
    <message>
        <source>Select a ticket</source>
        <translation>チケットを選択してください</translation>
    </message>
    <message>
        <source>[internal note] %1</source>
        <translation>[社内メモ] %1</translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation>返信するチケットを選択してください。</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::CustomerWindow</name>
    <message>
        <source>cStar demo — Customer</source>
        <translation>cStar デモ — お客様</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>リアルタイム更新</translation>
    </message>
    <message numerus="yes">
        <source>On: server-sent events. Off: poll every %n s.</source>
        <translation>
            <numerusform>オン: サーバー送信イベント。オフ: %n 秒ごとにポーリング。</numerusform>
        </translation>
    </message>
    <message>
        <source>Simulate network loss</source>
        <translation>ネットワーク切断をシミュレート</translation>
    </message>
    <message>
        <source>The server drops every stream and refuses connections for 8 s</source>
        <translation>サーバーがすべてのストリームを切断し、8 秒間接続を拒否します</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Sign in as a known customer</source>
        <translation>既知のお客様としてサインイン</translation>
    </message>
    <message>
        <source>Your backend signs the customer with the chat secret; the app only sees the signature</source>
        <translation>お客様への署名はバックエンドがチャットシークレットで行います。アプリが受け取るのは署名だけです</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>リアルタイム</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>%n 秒ごとにポーリング中</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>再接続中…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>%1 としてサインイン中</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>匿名の訪問者</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>サインインに失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Network loss simulated for %n s</source>
        <translation>
            <numerusform>%n 秒間のネットワーク切断をシミュレート中</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply from %1</source>
        <translation>%1 さんから新しい返信</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::DemoApp</name>
    <message>
        <source>Can&apos;t sign in to my account</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s ticket title.</extracomment>
        <translation>アカウントにサインインできません</translation>
    </message>
    <message>
        <source>Hi! I reset my password but the app still says it&apos;s wrong.</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s first message.</extracomment>
        <translation>こんにちは。パスワードをリセットしたのですが、アプリでは今も間違っていると表示されます。</translation>
    </message>
    <message>
        <source>Sorry about that! Which email address do you sign in with?</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s first reply.</extracomment>
        <translation>ご不便をおかけして申し訳ありません。どのメールアドレスでサインインされていますか？</translation>
    </message>
    <message>
        <source>%1 — thanks for the quick answer</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s answer; %1 is an e-mail address.</extracomment>
        <translation>%1 です。早速のご返信ありがとうございます</translation>
    </message>
    <message>
        <source>Thanks, Jane! I&apos;ve sent you a new **reset link**. It&apos;s valid for 30 minutes.</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s second reply, Markdown (keep the ** around the link&apos;s name).</extracomment>
        <translation>ありがとうございます、Jane さん。新しい**リセット用リンク**をお送りしました。有効期限は 30 分です。</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::Main</name>
    <message>
        <source>The cStar Chat for Qt demo: a customer window (the SDK&apos;s ChatPanel) and an agent console, against an embedded local chat server unless --server points elsewhere.</source>
        <translation>cStar Chat for Qt のデモ: お客様ウィンドウ（SDK の ChatPanel）とエージェントコンソールです。--server で別のサーバーを指定しない限り、組み込みのローカルチャットサーバーに接続します。</translation>
    </message>
    <message>
        <source>Use the cStar deployment at URL instead of the embedded server.</source>
        <translation>組み込みサーバーの代わりに、URL にある cStar のデプロイメントを使用します。</translation>
    </message>
    <message>
        <source>Team slug (default: acme).</source>
        <translation>チームのスラッグ（既定値: acme）。</translation>
    </message>
    <message>
        <source>Database of the embedded server (default: in the user&apos;s data dir).</source>
        <translation>組み込みサーバーのデータベース（既定値: ユーザーのデータディレクトリ内）。</translation>
    </message>
    <message>
        <source>Show the QML ChatView instead of the widget panel.</source>
        <translation>ウィジェットパネルの代わりに QML の ChatView を表示します。</translation>
    </message>
    <message>
        <source>Start with realtime off (polling).</source>
        <translation>リアルタイムをオフにして起動します（ポーリング）。</translation>
    </message>
    <message>
        <source>Seed a short conversation, render both windows side by side into PATH (PNG) and exit.</source>
        <translation>短い会話を作成し、両方のウィンドウを並べて PATH（PNG）に描画してから終了します。</translation>
    </message>
    <message>
        <source>Show the user interface in LANG: en, de, fr, es, ja or ar (default: the system&apos;s language). The Language menu switches at runtime.</source>
        <translation>ユーザーインターフェイスを LANG の言語で表示します: en、de、fr、es、ja、ar（既定値: システムの言語）。実行中は「言語」メニューで切り替えられます。</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; available: %2</source>
        <translation>不明な言語「%1」。利用可能な言語: %2</translation>
    </message>
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>エージェントコンソール用のシークレットエージェントキー（--server なし: 組み込みサーバーが受け付けるキー）。</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>チームのチャットシークレット。デモの「あなたのバックエンド」が顧客の署名に使います（--server なし: 組み込みサーバーのシークレット）。</translation>
    </message>
</context>
<context>
    <name>CStar::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>新着メッセージ</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未送信</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>新規</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>終了</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>通常</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>緊急</translation>
    </message>
</context>
<context>
    <name>CStar::TicketDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>未読 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>サポートチャット</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>会話を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>戻る →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>会話一覧に戻る</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>件名（任意）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>お困りのことをお聞かせください。通常、数分以内にお返事します。</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>会話を選択するか、新しい会話を始めてください。</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>まだメッセージはありません。</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>この会話を読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>メッセージを入力…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 文字</numerusform>
        </translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>送信 (Enter)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>再接続中…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>リアルタイム更新を利用できません — %n 秒ごとに確認しています</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>接続状態</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>送信中</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>新着メッセージ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>送信を再試行</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>このメッセージを破棄</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>新着メッセージ ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>新着メッセージへ移動</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>テキストをコピー</translation>
    </message>
</context>
<context>
    <name>TicketDelegate</name>
    <message numerus="yes">
        <source>%1, %2, %n unread</source>
        <translation>
            <numerusform>%1、%2、未読 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>未読 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>新しい会話を始める</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新しい会話 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>サインインすると、すべての会話を表示できます。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>サインインしてすべての会話を表示</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>まだ会話はありません。「新しい会話」から始めましょう。</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>ゲストとしてチャットしています。サインインすると、ほかの場所で始めた会話も表示されます。</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 さんが入力中…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 さんと %2 さんが入力中…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>複数の人が入力中…</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>入力中インジケーター</translation>
    </message>
</context>
</TS>
