// Imports CStar.Chat from the installed prefix (tst_packaging): the client
// type, a model and the ready ChatView must all load.
import QtQuick
import CStar.Chat

Window {
    id: root
    width: 640; height: 480

    property ChatClient client: ChatClient {
        teamSlug: "acme"
        baseUrl: "http://127.0.0.1:9" // nothing listens: no server needed
        realtime: false
    }
    readonly property bool ok: client.teamSlug === "acme" && view.client === client
                               && view.ticketsModel !== null

    ChatView {
        id: view
        anchors.fill: parent
        client: root.client
    }
}
