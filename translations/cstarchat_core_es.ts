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
    <name>CStar::ChatText</name>
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
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
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
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>[image: %1]</source>
        <translation>[imagen: %1]</translation>
    </message>
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
        <source>Sign in to see all your conversations.</source>
        <translation>Inicia sesión para ver todas tus conversaciones.</translation>
    </message>
    <message>
        <source>You are chatting as a guest. Signing in shows the conversations you started elsewhere.</source>
        <translation>Estás chateando como invitado. Al iniciar sesión verás también las conversaciones que empezaste en otro lugar.</translation>
    </message>
    <message>
        <source>No conversations yet. Start one with “New conversation”.</source>
        <translation>Todavía no hay conversaciones. Inicia una con «Nueva conversación».</translation>
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
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Reintentar el envío</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Descartar este mensaje</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>Adjuntar un archivo (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>Attach a screenshot of this window</source>
        <translation>Adjuntar una captura de esta ventana</translation>
    </message>
    <message>
        <source>Attach files or a screenshot</source>
        <translation>Adjuntar archivos o una captura</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Suelta archivos aquí para adjuntarlos</translation>
    </message>
    <message>
        <source>Attach this screenshot?</source>
        <translation>¿Adjuntar esta captura de pantalla?</translation>
    </message>
    <message>
        <source>Drag to keep only part of the window.</source>
        <translation>Arrastra para conservar solo una parte de la ventana.</translation>
    </message>
    <message>
        <source>Attach</source>
        <comment>screenshot</comment>
        <extracomment>Confirms attaching the reviewed screenshot.</extracomment>
        <translation>Adjuntar</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>Ventana completa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Guardar adjunto</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Cancelar subida</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>Imagen no disponible</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
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
        <source>Image %1, %2</source>
        <translation>Imagen %1, %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Archivo %1, %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Save %1…</source>
        <translation>Guardar %1…</translation>
    </message>
    <message>
        <source>Uploading… %1 %</source>
        <translation>Subiendo… %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n adjunto</numerusform>
            <numerusform>%n adjuntos</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is larger than 10 MB.</source>
        <translation>«%1» supera los 10 MB.</translation>
    </message>
    <message>
        <source>“%1” cannot be sent: only images, PDF, text, CSV, JSON and zip files can.</source>
        <translation>No se puede enviar «%1»: solo se admiten imágenes y archivos PDF, de texto, CSV, JSON y zip.</translation>
    </message>
    <message>
        <source>“%1” is not what its name says it is.</source>
        <translation>«%1» no es lo que dice su nombre.</translation>
    </message>
    <message>
        <source>“%1” is too large an image (at most 10,000 × 10,000 pixels).</source>
        <translation>«%1» es una imagen demasiado grande (como máximo 10.000 × 10.000 píxeles).</translation>
    </message>
    <message>
        <source>At most 10 files can be sent in one message.</source>
        <translation>Un mensaje puede llevar como máximo 10 archivos.</translation>
    </message>
    <message>
        <source>“%1” could not be read.</source>
        <translation>No se pudo leer «%1».</translation>
    </message>
    <message>
        <source>“%1” is a folder: only files can be attached.</source>
        <translation>«%1» es una carpeta: solo se pueden adjuntar archivos.</translation>
    </message>
    <message>
        <source>“%1” is not on this computer: save it first, then attach it.</source>
        <translation>«%1» no está en este equipo: guárdalo primero y luego adjúntalo.</translation>
    </message>
</context>
<context>
    <name>CStar::ConversationController</name>
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
        <source>Could not load this conversation: %1</source>
        <translation>No se pudo cargar esta conversación: %1</translation>
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
</TS>
