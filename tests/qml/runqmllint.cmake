# Runs qmllint on every QML file of the CStar.Chat module against the
# build-tree module (its qmldir and qmltypes), as Qt's *_qmllint target does.
# Fails on any message at all: warnings and infos.
# -DQMLLINT=… -DSOURCE_DIR=qml/ -DIMPORT_DIR=<build>/qml -DQT_QML_DIR=… -DRCC_DIR=<build>/qml/.rcc
file(GLOB qml_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*.qml")
file(GLOB qrc_files "${RCC_DIR}/*.qrc")
if(NOT qml_files)
    message(FATAL_ERROR "no QML files in ${SOURCE_DIR}")
endif()
if(NOT EXISTS "${IMPORT_DIR}/CStar/Chat/qmldir")
    message(FATAL_ERROR "build the CStarChatQml target first: ${IMPORT_DIR}/CStar/Chat/qmldir is missing")
endif()
set(resource_args)
foreach(qrc IN LISTS qrc_files)
    list(APPEND resource_args --resource "${qrc}")
endforeach()
execute_process(
    COMMAND "${QMLLINT}" --bare -I "${IMPORT_DIR}" -I "${QT_QML_DIR}" ${resource_args} ${qml_files}
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
list(LENGTH qml_files count)
if(NOT result EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "qmllint (exit ${result}) on ${count} files:\n${out}${err}")
endif()
message(STATUS "qmllint: ${count} files, no warnings")
