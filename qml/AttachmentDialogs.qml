// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Dialogs
import CStar.Chat

// The platform's file dialogs for attachments (QtQuick.Dialogs): choose
// files to attach, and where to save a received file (a safe name
// proposed; the file is never opened or run).
Item {
    id: root

    signal filesChosen(var urls)
    signal saveLocationChosen(var attachment, url location)

    function chooseFiles() {
        openDialog.open();
    }

    // `suggestedName`: ConversationController.safeFileName(the file's name).
    function chooseSaveLocation(attachment, suggestedName) {
        saveDialog.attachment = attachment;
        saveDialog.currentFolder = ChatFiles.downloadsFolder();
        saveDialog.selectedFile = ChatFiles.downloadsFolder() + "/" + encodeURIComponent(suggestedName);
        saveDialog.open();
    }

    FileDialog {
        id: openDialog

        title: ChatFormat.texts.chooseFilesTitle
        fileMode: FileDialog.OpenFiles
        onAccepted: root.filesChosen(selectedFiles)
    }

    FileDialog {
        id: saveDialog

        property var attachment: ({})

        title: ChatFormat.texts.saveAttachmentTitle
        fileMode: FileDialog.SaveFile
        onAccepted: root.saveLocationChosen(attachment, selectedFile)
    }
}
