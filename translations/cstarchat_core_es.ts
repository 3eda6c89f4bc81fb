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
</context>
<context>
    <name>CStar::ConversationController</name>
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
