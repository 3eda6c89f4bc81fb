<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>CStar::Demo::AgentApi</name>
    <message>
        <source>“%1” is larger than 10 MB or cannot be read.</source>
        <translation>「%1」は 10 MB を超えているか、読み込めません。</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
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
        <source>Language</source>
        <translation>言語</translation>
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
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>エージェントコンソール用のシークレットエージェントキー（--server なし: 組み込みサーバーが受け付けるキー）。</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>チームのチャットシークレット。デモの「あなたのバックエンド」が顧客の署名に使います（--server なし: 組み込みサーバーのシークレット）。</translation>
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
</context>
</TS>
