<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CStar::Demo::AgentApi</name>
    <message>
        <source>“%1” is larger than 10 MB or cannot be read.</source>
        <translation>«%1» أكبر من 10 ميغابايت أو تتعذّر قراءته.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
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
        <source>Language</source>
        <translation>اللغة</translation>
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
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>مفتاح الوكيل السري لوحدة تحكم الوكيل (بدون ‎--server: المفتاح الذي يقبله الخادم المضمّن).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>سر الدردشة الخاص بالفريق، يحتفظ به «الخادم الخلفي الخاص بك» في العرض التوضيحي لتوقيع العملاء (بدون ‎--server: سر الخادم المضمّن).</translation>
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
</context>
</TS>
