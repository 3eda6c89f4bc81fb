<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CStar::Demo::AgentApi</name>
    <message>
        <source>“%1” is larger than 10 MB or cannot be read.</source>
        <translation>«%1» supera los 10 MB o no se puede leer.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>The customer</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>cStar demo — Agent console</source>
        <translation>Demo de cStar — Consola del agente</translation>
    </message>
    <message>
        <source>All tickets of the team</source>
        <translation>Todos los tickets del equipo</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Reply as:</source>
        <translation>Responder como:</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Nombre del agente</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioridad:</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>Estado del ticket</translation>
    </message>
    <message>
        <source>Ticket priority</source>
        <translation>Prioridad del ticket</translation>
    </message>
    <message>
        <source>Select a ticket</source>
        <translation>Selecciona un ticket</translation>
    </message>
    <message>
        <source>[internal note] %1</source>
        <translation>[nota interna] %1</translation>
    </message>
    <message>
        <source>Select a ticket to reply to.</source>
        <translation>Selecciona un ticket para responder.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::CustomerWindow</name>
    <message>
        <source>cStar demo — Customer</source>
        <translation>Demo de cStar — Cliente</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Actualizaciones en directo</translation>
    </message>
    <message numerus="yes">
        <source>On: server-sent events. Off: poll every %n s.</source>
        <translation>
            <numerusform>Activado: eventos enviados por el servidor. Desactivado: consulta cada %n s.</numerusform>
            <numerusform>Activado: eventos enviados por el servidor. Desactivado: consulta cada %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Simulate network loss</source>
        <translation>Simular pérdida de red</translation>
    </message>
    <message>
        <source>The server drops every stream and refuses connections for 8 s</source>
        <translation>El servidor corta todos los flujos y rechaza las conexiones durante 8 s</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign in as a known customer</source>
        <translation>Iniciar sesión como cliente conocido</translation>
    </message>
    <message>
        <source>Your backend signs the customer with the chat secret; the app only sees the signature</source>
        <translation>Tu backend firma al cliente con el secreto del chat; la aplicación solo ve la firma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Visitante anónimo</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Error al iniciar sesión: %1</translation>
    </message>
    <message numerus="yes">
        <source>Network loss simulated for %n s</source>
        <translation>
            <numerusform>Pérdida de red simulada durante %n s</numerusform>
            <numerusform>Pérdida de red simulada durante %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply from %1</source>
        <translation>Nueva respuesta de %1</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::DemoApp</name>
    <message>
        <source>Can&apos;t sign in to my account</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s ticket title.</extracomment>
        <translation>No puedo iniciar sesión en mi cuenta</translation>
    </message>
    <message>
        <source>Hi! I reset my password but the app still says it&apos;s wrong.</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s first message.</extracomment>
        <translation>¡Hola! He restablecido mi contraseña, pero la aplicación sigue diciendo que es incorrecta.</translation>
    </message>
    <message>
        <source>Sorry about that! Which email address do you sign in with?</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s first reply.</extracomment>
        <translation>¡Lo siento! ¿Con qué dirección de correo electrónico inicias sesión?</translation>
    </message>
    <message>
        <source>%1 — thanks for the quick answer</source>
        <extracomment>Sample conversation of --screenshot: the customer&apos;s answer; %1 is an e-mail address.</extracomment>
        <translation>%1 — gracias por la respuesta tan rápida</translation>
    </message>
    <message>
        <source>Thanks, Jane! I&apos;ve sent you a new **reset link**. It&apos;s valid for 30 minutes.</source>
        <extracomment>Sample conversation of --screenshot: the agent&apos;s second reply, Markdown (keep the ** around the link&apos;s name).</extracomment>
        <translation>¡Gracias, Jane! Te he enviado un nuevo **enlace de restablecimiento**. Es válido durante 30 minutos.</translation>
    </message>
</context>
<context>
    <name>CStar::Demo::Main</name>
    <message>
        <source>The cStar Chat for Qt demo: a customer window (the SDK&apos;s ChatPanel) and an agent console, against an embedded local chat server unless --server points elsewhere.</source>
        <translation>La demo de cStar Chat para Qt: una ventana de cliente (el ChatPanel del SDK) y una consola de agente, conectadas a un servidor de chat local integrado, salvo que --server indique otro.</translation>
    </message>
    <message>
        <source>Use the cStar deployment at URL instead of the embedded server.</source>
        <translation>Usar el despliegue de cStar en URL en lugar del servidor integrado.</translation>
    </message>
    <message>
        <source>Team slug (default: acme).</source>
        <translation>Identificador del equipo (predeterminado: acme).</translation>
    </message>
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>Clave secreta de agente para la consola de agente (sin --server: la clave que acepta el servidor integrado).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>El secreto de chat del equipo, que guarda «tu backend» de la demo para firmar clientes (sin --server: el secreto del servidor integrado).</translation>
    </message>
    <message>
        <source>Database of the embedded server (default: in the user&apos;s data dir).</source>
        <translation>Base de datos del servidor integrado (predeterminado: en el directorio de datos del usuario).</translation>
    </message>
    <message>
        <source>Show the QML ChatView instead of the widget panel.</source>
        <translation>Mostrar la ChatView de QML en lugar del panel de widgets.</translation>
    </message>
    <message>
        <source>Start with realtime off (polling).</source>
        <translation>Iniciar sin tiempo real (consulta periódica).</translation>
    </message>
    <message>
        <source>Seed a short conversation, render both windows side by side into PATH (PNG) and exit.</source>
        <translation>Crear una conversación breve, guardar ambas ventanas una junto a otra en PATH (PNG) y salir.</translation>
    </message>
    <message>
        <source>Show the user interface in LANG: en, de, fr, es, ja or ar (default: the system&apos;s language). The Language menu switches at runtime.</source>
        <translation>Mostrar la interfaz en LANG: en, de, fr, es, ja o ar (predeterminado: el idioma del sistema). El menú «Idioma» lo cambia en tiempo de ejecución.</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; available: %2</source>
        <translation>idioma desconocido «%1»; disponibles: %2</translation>
    </message>
</context>
</TS>
