# cmake -P script: install → check the layout → external configure/build → run
# the consumers (Core, Widgets, and a QML file importing CStar.Chat).
# A directory of its own per run: two runs at once (two ctest in one build
# dir) must not install into or build in each other's tree.
string(RANDOM LENGTH 8 ALPHABET abcdefghijklmnopqrstuvwxyz0123456789 run_id)
set(WORK_DIR "${WORK_DIR}/${run_id}")
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    message(STATUS "${out}${err}")
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

# Headers: include/CStarChat/, lowercase and one CamelCase file per class.
set(expected
    "${LIBDIR}/cmake/CStarChat/CStarChatConfig.cmake"
    "${LIBDIR}/cmake/CStarChat/CStarChatConfigVersion.cmake")
foreach(name chatclient.h chatjob.h ticketsmodel.h messagesmodel.h cstarchat_core_export.h
        cstarchat_version.h ChatClient ChatJob TicketsModel MessagesModel Ticket Message
        ChatError EventStreamParser CStarChatVersion)
    list(APPEND expected "${INCLUDEDIR}/CStarChat/${name}")
endforeach()
if(WITH_WIDGETS)
    foreach(name chatpanel.h cstarchat_widgets_export.h ChatPanel Composer ConnectionBanner)
        list(APPEND expected "${INCLUDEDIR}/CStarChat/${name}")
    endforeach()
endif()
if(WITH_QML)
    foreach(name qmldir cstarchat.qmltypes ChatView.qml)
        list(APPEND expected "${QML_DIR}/CStar/Chat/${name}")
    endforeach()
endif()
foreach(f IN LISTS expected)
    if(NOT EXISTS "${prefix}/${f}")
        message(FATAL_ERROR "not installed: ${f}")
    endif()
endforeach()
# Nothing flat next to CStarChat/ (headers an app's own could collide with).
file(GLOB flat "${prefix}/${INCLUDEDIR}/*.h")
if(flat)
    message(FATAL_ERROR "headers outside include/CStarChat/: ${flat}")
endif()
# Every CamelCase header forwards to the installed header declaring its class.
set(incdir "${prefix}/${INCLUDEDIR}/CStarChat")
file(GLOB forwarding LIST_DIRECTORIES false RELATIVE "${incdir}" "${incdir}/[A-Z]*")
foreach(class IN LISTS forwarding)
    file(READ "${incdir}/${class}" content)
    if(NOT content MATCHES "^#include \"([a-z_]+\\.h)\"\n$"
            OR NOT EXISTS "${incdir}/${CMAKE_MATCH_1}")
        message(FATAL_ERROR "${class} does not forward to an installed header: ${content}")
    endif()
    set(target_header "${CMAKE_MATCH_1}")
    file(READ "${incdir}/${target_header}" header)
    if(NOT class STREQUAL "CStarChatVersion"
            AND NOT header MATCHES "(class|struct) ([A-Z_]+_EXPORT )?${class}[ \n:{]"
            AND NOT header MATCHES "using ${class} =")
        message(FATAL_ERROR "<CStarChat/${class}>: no ${class} declared in ${target_header}")
    endif()
endforeach()
# …and every exported class has its CamelCase header.
file(GLOB headers "${incdir}/*.h")
foreach(h IN LISTS headers)
    file(STRINGS "${h}" decls REGEX "^(class|struct) [A-Z_]+_EXPORT [A-Za-z]+")
    foreach(decl IN LISTS decls)
        string(REGEX REPLACE "^(class|struct) [A-Z_]+_EXPORT ([A-Za-z]+).*" "\\2" class "${decl}")
        if(NOT EXISTS "${incdir}/${class}")
            message(FATAL_ERROR "no <CStarChat/${class}> for the exported class in ${h}")
        endif()
    endforeach()
endforeach()

run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${WORK_DIR}/consumer-build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DWITH_WIDGETS=${WITH_WIDGETS}" "-DWITH_QML=${WITH_QML}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer-build")

find_program(consumer consumer PATHS "${WORK_DIR}/consumer-build" NO_DEFAULT_PATH REQUIRED)
run("${consumer}")
if(WITH_WIDGETS)
    find_program(widgetsconsumer widgetsconsumer PATHS "${WORK_DIR}/consumer-build" NO_DEFAULT_PATH REQUIRED)
    run("${widgetsconsumer}")
endif()
if(WITH_QML)
    # Only the prefix: not the build tree's qml/ (the environment of ctest
    # could name it), so a module that did not install cannot pass.
    find_program(qmlconsumer qmlconsumer PATHS "${WORK_DIR}/consumer-build" NO_DEFAULT_PATH REQUIRED)
    run(${CMAKE_COMMAND} -E env --unset=QML2_IMPORT_PATH "QML_IMPORT_PATH=${prefix}/${QML_DIR}"
        "${qmlconsumer}" "${CONSUMER_DIR}/check.qml")
endif()
file(REMOVE_RECURSE "${WORK_DIR}") # kept when a step failed, to look at
message(STATUS "packaging ok")
