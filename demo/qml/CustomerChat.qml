// SPDX-License-Identifier: MIT
import QtQuick
import CStar.Chat

// The customer window's QML face (--qml): the module's ChatView as an app
// would embed it. The demo sets `client` and `chatState` from C++.
ChatView {
    objectName: "chatView"
}
