<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>لم يُقبل هذا. يُرجى التحقق مما أدخلته.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>انتهت صلاحية جلستك. يُرجى تسجيل الدخول مرة أخرى.</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>يُرجى تسجيل الدخول للمتابعة.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>ليس لديك إذن للقيام بذلك.</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>تعذّر العثور على هذا. ربما تمت إزالته.</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>تغيّر شيء ما في هذه الأثناء. يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>طلبات كثيرة جدًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>تواجه خدمة الدعم مشكلة. يُرجى المحاولة لاحقًا.</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>تعذّر الوصول إلى خدمة الدعم. تحقّق من اتصالك.</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>لم تستجب خدمة الدعم في الوقت المناسب. يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>أرسلت خدمة الدعم ردًّا لا يستطيع هذا التطبيق قراءته.</translation>
    </message>
</context>
<context>
    <name>CStar::ChatFormat</name>
    <message>
        <source>[image: %1]</source>
        <translation>[صورة: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ChatPanel</name>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>تعذّر تحميل هذه المحادثة: %1</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>محادثة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>سجّل الدخول لعرض جميع المحادثات</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>العودة إلى المحادثات</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>الموضوع (اختياري)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>رسائل جديدة ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>الانتقال إلى الرسائل الجديدة</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>مؤشر الكتابة</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>لا توجد محادثات بعد. ابدأ واحدة من «محادثة جديدة».</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>سجّل الدخول لعرض جميع محادثاتك.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 و%2 يكتبان…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>عدة أشخاص يكتبون…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>أخبرنا بما تحتاج إلى المساعدة فيه. نردّ عادةً خلال بضع دقائق.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>اختر محادثة أو ابدأ محادثة جديدة.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>لا توجد رسائل بعد.</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>تعذّر بدء المحادثة: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>أنت تتحدث كضيف. بعد تسجيل الدخول سترى أيضًا المحادثات التي بدأتها في مكان آخر.</translation>
    </message>
</context>
<context>
    <name>CStar::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>اضغط Enter للإرسال وShift+Enter لبدء سطر جديد</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>إرسال (Enter)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفًا</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>حالة الاتصال</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>جارٍ إعادة الاتصال…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانية</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل ثانية</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل ثانيتين</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثوانٍ</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانيةً</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانية</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب…</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>cStar demo — Agent console</source>
        <translation>عرض cStar التجريبي — لوحة وكيل الدعم</translation>
    </message>
    <message>
        <source>All tickets of the team</source>
        <translation>جميع تذاكر الفريق</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <source>Reply as:</source>
        <translation>الرد باسم:</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>اسم الوكيل</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>الأولوية:</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>حالة التذكرة</translation>
    </message>
    <message>
        <source>Ticket priority</source>
        <translation>أولوية التذكرة</translation>
    </message>
    <message>
        <source>Select a ticket</source>
        <translation>اختر تذكرة</translation>
    </message>
    <message>
        <source>[internal note] %1</source>
        <translation>[ملاحظة داخلية] %1</translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation>اختر تذكرة للرد عليها.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::CustomerWindow</name>
    <message>
        <source>cStar demo — Customer</source>
        <translation>عرض cStar التجريبي — العميل</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>التحديثات الفورية</translation>
    </message>
    <message numerus="yes">
        <source>On: server-sent events. Off: poll every %n s.</source>
        <translation>
            <numerusform>تشغيل: أحداث يرسلها الخادم. إيقاف: استطلاع كل %Ln ثانية.</numerusform>
            <numerusform>تشغيل: أحداث يرسلها الخادم. إيقاف: استطلاع كل ثانية.</numerusform>
            <numerusform>تشغيل: أحداث يرسلها الخادم. إيقاف: استطلاع كل ثانيتين.</numerusform>
            <numerusform>تشغيل: أحداث يرسلها الخادم. إيقاف: استطلاع كل %Ln ثوانٍ.</numerusform>
            <numerusform>تشغيل: أحداث يرسلها الخادم. إيقاف: استطلاع كل %Ln ثانيةً.</numerusform>
            <numerusform>تشغيل: أحداث يرسلها الخادم. إيقاف: استطلاع كل %Ln ثانية.</numerusform>
        </translation>
    </message>
    <message>
        <source>Simulate network loss</source>
        <translation>محاكاة انقطاع الشبكة</translation>
    </message>
    <message>
        <source>The server drops every stream and refuses connections for 8 s</source>
        <translation>يقطع الخادم كل البثوث ويرفض الاتصالات لمدة ٨ ثوانٍ</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sign in as a known customer</source>
        <translation>تسجيل الدخول كعميل معروف</translation>
    </message>
    <message>
        <source>Your backend signs the customer with the chat secret; the app only sees the signature</source>
        <translation>تُوقّع الواجهة الخلفية لديك بيانات العميل بسرّ الدردشة؛ ولا يرى التطبيق سوى التوقيع</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>مباشر</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>استطلاع كل %Ln ثانية</numerusform>
            <numerusform>استطلاع كل ثانية</numerusform>
            <numerusform>استطلاع كل ثانيتين</numerusform>
            <numerusform>استطلاع كل %Ln ثوانٍ</numerusform>
            <numerusform>استطلاع كل %Ln ثانيةً</numerusform>
            <numerusform>استطلاع كل %Ln ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>تم تسجيل الدخول باسم %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>زائر مجهول</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>فشل تسجيل الدخول: %1</translation>
    </message>
    <message numerus="yes">
        <source>Network loss simulated for %n s</source>
        <translation>
            <numerusform>محاكاة انقطاع الشبكة لمدة %Ln ثانية</numerusform>
            <numerusform>محاكاة انقطاع الشبكة لمدة ثانية واحدة</numerusform>
            <numerusform>محاكاة انقطاع الشبكة لمدة ثانيتين</numerusform>
            <numerusform>محاكاة انقطاع الشبكة لمدة %Ln ثوانٍ</numerusform>
            <numerusform>محاكاة انقطاع الشبكة لمدة %Ln ثانيةً</numerusform>
            <numerusform>محاكاة انقطاع الشبكة لمدة %Ln ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply from %1</source>
        <translation>رد جديد من %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::DemoApp</name>
    <message>
        <source>Can&apos;t sign in to my account</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s ticket title.</extracomment>
        <translation>لا أستطيع تسجيل الدخول إلى حسابي</translation>
    </message>
    <message>
        <source>Hi! I reset my password but the app still says it&apos;s wrong.</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s first message.</extracomment>
        <translation>مرحبًا! أعدتُ تعيين كلمة المرور، لكن التطبيق ما زال يقول إنها خاطئة.</translation>
    </message>
    <message>
        <source>Sorry about that! Which email address do you sign in with?</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s first reply.</extracomment>
        <translation>نأسف لذلك! ما عنوان البريد الإلكتروني الذي تسجّل الدخول به؟</translation>
    </message>
    <message>
        <source>%1 — thanks for the quick answer</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s answer; %1 is an e-mail address.</extracomment>
        <translation>بريدي هو %1 — شكرًا على الرد السريع</translation>
    </message>
    <message>
        <source>Thanks, Jane! I&apos;ve sent you a new **reset link**. It&apos;s valid for 30 minutes.</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s second reply, Markdown (keep the ** around the link&apos;s name).</extracomment>
        <translation>شكرًا يا Jane! أرسلتُ إليك **رابط إعادة تعيين** جديدًا، وهو صالح لمدة ٣٠ دقيقة.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::Main</name>
    <message>
        <source>The cStar Chat for Qt demo: a customer window (the SDK&apos;s ChatPanel) and an agent console, against an embedded local chat server unless --server points elsewhere.</source>
        <translation>العرض التجريبي لـ cStar Chat for Qt: نافذة للعميل (ChatPanel من الـ SDK) ولوحة لوكيل الدعم، متصلتان بخادم دردشة محلي مدمج ما لم يُشر الخيار --server إلى خادم آخر.</translation>
    </message>
    <message>
        <source>Use the cStar deployment at URL instead of the embedded server.</source>
        <translation>استخدام نشر cStar على العنوان URL بدلًا من الخادم المدمج.</translation>
    </message>
    <message>
        <source>Team slug (default: acme).</source>
        <translation>المعرّف المختصر للفريق (الافتراضي: acme).</translation>
    </message>
    <message>
        <source>Database of the embedded server (default: in the user&apos;s data dir).</source>
        <translation>قاعدة بيانات الخادم المدمج (الافتراضي: في مجلد بيانات المستخدم).</translation>
    </message>
    <message>
        <source>Show the QML ChatView instead of the widget panel.</source>
        <translation>عرض ChatView المبنية بـ QML بدلًا من لوحة Qt Widgets.</translation>
    </message>
    <message>
        <source>Start with realtime off (polling).</source>
        <translation>البدء مع إيقاف التحديثات الفورية (استطلاع دوري).</translation>
    </message>
    <message>
        <source>Seed a short conversation, render both windows side by side into PATH (PNG) and exit.</source>
        <translation>إنشاء محادثة قصيرة، وحفظ صورة للنافذتين جنبًا إلى جنب في PATH (بصيغة PNG)، ثم الخروج.</translation>
    </message>
    <message>
        <source>Show the user interface in LANG: en, de, fr, es, ja or ar (default: the system&apos;s language). The Language menu switches at runtime.</source>
        <translation>عرض واجهة المستخدم باللغة LANG: ‏en أو de أو fr أو es أو ja أو ar (الافتراضي: لغة النظام). وتُبدّل قائمة «اللغة» اللغةَ أثناء التشغيل.</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; available: %2</source>
        <translation>لغة غير معروفة «%1»؛ اللغات المتاحة: %2</translation>
    </message>
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>مفتاح الوكيل السري لوحدة تحكم الوكيل (بدون ‎--server: المفتاح الذي يقبله الخادم المضمّن).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>سر الدردشة الخاص بالفريق، يحتفظ به «الخادم الخلفي الخاص بك» في العرض التوضيحي لتوقيع العملاء (بدون ‎--server: سر الخادم المضمّن).</translation>
    </message>
</context>
<context>
    <name>CStar::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>تم الإرسال</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم يُرسَل</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>رسائل جديدة</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>لم يُرسَل</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>جديدة</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>قيد الانتظار</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>مغلقة</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>منخفضة</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>عادية</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>مرتفعة</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>عاجلة</translation>
    </message>
</context>
<context>
    <name>CStar::TicketDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا رسائل غير مقروءة</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%Ln رسائل غير مقروءة</numerusform>
            <numerusform>%Ln رسالةً غير مقروءة</numerusform>
            <numerusform>%Ln رسالة غير مقروءة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>منذ أقل من دقيقة</numerusform>
            <numerusform>منذ دقيقة واحدة</numerusform>
            <numerusform>منذ دقيقتين</numerusform>
            <numerusform>منذ %Ln دقائق</numerusform>
            <numerusform>منذ %Ln دقيقةً</numerusform>
            <numerusform>منذ %Ln دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>منذ أقل من ساعة</numerusform>
            <numerusform>منذ ساعة واحدة</numerusform>
            <numerusform>منذ ساعتين</numerusform>
            <numerusform>منذ %Ln ساعات</numerusform>
            <numerusform>منذ %Ln ساعةً</numerusform>
            <numerusform>منذ %Ln ساعة</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>دردشة الدعم</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>محادثة</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>تعذّر بدء المحادثة: %1</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>→ رجوع</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← رجوع</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>العودة إلى المحادثات</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>الموضوع (اختياري)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>أخبرنا بما تحتاج إلى المساعدة فيه. نردّ عادةً خلال بضع دقائق.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>اختر محادثة أو ابدأ محادثة جديدة.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>لا توجد رسائل بعد.</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>تعذّر تحميل هذه المحادثة: %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>اضغط Enter للإرسال وShift+Enter لبدء سطر جديد</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفًا</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>إرسال (Enter)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>جارٍ إعادة الاتصال…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانية</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل ثانية</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل ثانيتين</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثوانٍ</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانيةً</numerusform>
            <numerusform>التحديثات الفورية غير متاحة — يجري التحقق كل %Ln ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>حالة الاتصال</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم يُرسَل</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>تم الإرسال</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>لم يُرسَل</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>رسائل جديدة</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>إعادة محاولة الإرسال</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>حذف هذه الرسالة</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>رسائل جديدة ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>الانتقال إلى الرسائل الجديدة</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
</context>
<context>
    <name>TicketDelegate</name>
    <message numerus="yes">
        <source>%1, %2, %n unread</source>
        <translation>
            <numerusform>%1، %2، لا رسائل غير مقروءة</numerusform>
            <numerusform>%1، %2، رسالة واحدة غير مقروءة</numerusform>
            <numerusform>%1، %2، رسالتان غير مقروءتين</numerusform>
            <numerusform>%1، %2، %Ln رسائل غير مقروءة</numerusform>
            <numerusform>%1، %2، %Ln رسالةً غير مقروءة</numerusform>
            <numerusform>%1، %2، %Ln رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا رسائل غير مقروءة</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%Ln رسائل غير مقروءة</numerusform>
            <numerusform>%Ln رسالةً غير مقروءة</numerusform>
            <numerusform>%Ln رسالة غير مقروءة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>محادثة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>سجّل الدخول لعرض جميع محادثاتك.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>سجّل الدخول لعرض جميع المحادثات</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>لا توجد محادثات بعد. ابدأ واحدة من «محادثة جديدة».</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>أنت تتحدث كضيف. بعد تسجيل الدخول سترى أيضًا المحادثات التي بدأتها في مكان آخر.</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 يكتب…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 و%2 يكتبان…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>عدة أشخاص يكتبون…</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>مؤشر الكتابة</translation>
    </message>
</context>
</TS>
