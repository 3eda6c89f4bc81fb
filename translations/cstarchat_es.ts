<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CStar::ChatError</name>
    <message>
        <source>This was not accepted. Please check what you entered.</source>
        <translation>No se ha aceptado. Revisa lo que has escrito.</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Tu sesión ha caducado. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>Please sign in to continue.</source>
        <translation>Inicia sesión para continuar.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>No tienes permiso para hacer esto.</translation>
    </message>
    <message>
        <source>This could not be found. It may have been removed.</source>
        <translation>No se ha encontrado. Es posible que se haya eliminado.</translation>
    </message>
    <message>
        <source>Something changed in the meantime. Please try again.</source>
        <translation>Algo ha cambiado mientras tanto. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Demasiadas solicitudes. Espera un momento y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The support service has a problem. Please try again later.</source>
        <translation>El servicio de soporte tiene un problema. Vuelve a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>Could not reach the support service. Check your connection.</source>
        <translation>No se pudo conectar con el servicio de soporte. Comprueba tu conexión.</translation>
    </message>
    <message>
        <source>The support service did not answer in time. Please try again.</source>
        <translation>El servicio de soporte no respondió a tiempo. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The support service sent an answer this app cannot read.</source>
        <translation>El servicio de soporte envió una respuesta que esta aplicación no puede leer.</translation>
    </message>
</context>
<context>
    <name>CStar::ChatFormat</name>
    <message>
        <source>[image: %1]</source>
        <translation>[imagen: %1]</translation>
    </message>
</context>
<context>
    <name>CStar::ChatPanel</name>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>No se pudo cargar esta conversación: %1</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Iniciar una nueva conversación</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Nueva conversación (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>Iniciar sesión para ver todas las conversaciones</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>Volver a las conversaciones</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>Asunto (opcional)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>Mensajes nuevos ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Ir a los mensajes nuevos</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Indicador de escritura</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Todavía no hay conversaciones. Inicia una con «Nueva conversación».</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>Inicia sesión para ver todas tus conversaciones.</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 y %2 están escribiendo…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Varias personas están escribiendo…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>Cuéntanos en qué necesitas ayuda. Solemos responder en pocos minutos.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>Selecciona una conversación o inicia una nueva.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>No se pudo iniciar la conversación: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Estás chateando como invitado. Al iniciar sesión verás también las conversaciones que empezaste en otro lugar.</translation>
    </message>
</context>
<context>
    <name>CStar::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Escribe un mensaje…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Intro envía, Mayús+Intro inicia una nueva línea</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n carácter</numerusform>
            <numerusform>%n caracteres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>Actualizaciones en directo no disponibles: se comprueba cada %n s</numerusform>
            <numerusform>Actualizaciones en directo no disponibles: se comprueba cada %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::Demo::AgentConsole</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
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
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message numerus="yes">
        <source>Polling every %n s</source>
        <translation>
            <numerusform>Consultando cada %n s</numerusform>
            <numerusform>Consultando cada %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
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
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
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
    <message>
        <source>Secret agent key for the agent console (without --server: the key the embedded server accepts).</source>
        <translation>Clave secreta de agente para la consola de agente (sin --server: la clave que acepta el servidor integrado).</translation>
    </message>
    <message>
        <source>The team&apos;s chat secret, held by the demo&apos;s &quot;your backend&quot; to sign customers (without --server: the embedded server&apos;s secret).</source>
        <translation>El secreto de chat del equipo, que guarda «tu backend» de la demo para firmar clientes (sin --server: el secreto del servidor integrado).</translation>
    </message>
</context>
<context>
    <name>CStar::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
</context>
<context>
    <name>CStar::Ticket</name>
    <message>
        <source>New</source>
        <comment>ticket status</comment>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>ticket status</comment>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>ticket status</comment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>ticket status</comment>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>ticket status</comment>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>ticket priority</comment>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>ticket priority</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <comment>ticket priority</comment>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <comment>ticket priority</comment>
        <translation>Urgente</translation>
    </message>
</context>
<context>
    <name>CStar::TicketDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CStar::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>hace %n minuto</numerusform>
            <numerusform>hace %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>hace %n hora</numerusform>
            <numerusform>hace %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Support chat</source>
        <translation>Chat de soporte</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>No se pudo iniciar la conversación: %1</translation>
    </message>
    <message>
        <source>Back →</source>
        <translation>Atrás →</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Atrás</translation>
    </message>
    <message>
        <source>Back to conversations</source>
        <translation>Volver a las conversaciones</translation>
    </message>
    <message>
        <source>Subject (optional)</source>
        <translation>Asunto (opcional)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Tell us what you need help with. We usually answer within a few minutes.</source>
        <translation>Cuéntanos en qué necesitas ayuda. Solemos responder en pocos minutos.</translation>
    </message>
    <message>
        <source>Select a conversation or start a new one.</source>
        <translation>Selecciona una conversación o inicia una nueva.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
    <message>
        <source>Could not load this conversation: %1</source>
        <translation>No se pudo cargar esta conversación: %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Escribe un mensaje…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Intro envía, Mayús+Intro inicia una nueva línea</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n carácter</numerusform>
            <numerusform>%n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message numerus="yes">
        <source>Live updates unavailable — checking every %n s</source>
        <translation>
            <numerusform>Actualizaciones en directo no disponibles: se comprueba cada %n s</numerusform>
            <numerusform>Actualizaciones en directo no disponibles: se comprueba cada %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Mensajes nuevos</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Reintentar el envío</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Descartar este mensaje</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>New messages ↓</source>
        <translation>Mensajes nuevos ↓</translation>
    </message>
    <message>
        <source>Jump to new messages</source>
        <translation>Ir a los mensajes nuevos</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
</context>
<context>
    <name>TicketDelegate</name>
    <message numerus="yes">
        <source>%1, %2, %n unread</source>
        <translation>
            <numerusform>%1, %2, %n sin leer</numerusform>
            <numerusform>%1, %2, %n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Iniciar una nueva conversación</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Nueva conversación (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sign in to see all your conversations.</source>
        <translation>Inicia sesión para ver todas tus conversaciones.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to see all conversations</source>
        <translation>Iniciar sesión para ver todas las conversaciones</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Todavía no hay conversaciones. Inicia una con «Nueva conversación».</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Estás chateando como invitado. Al iniciar sesión verás también las conversaciones que empezaste en otro lugar.</translation>
    </message>
</context>
<context>
    <name>TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 y %2 están escribiendo…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Varias personas están escribiendo…</translation>
    </message>
    <message>
        <source>Typing indicator</source>
        <translation>Indicador de escritura</translation>
    </message>
</context>
</TS>
