# Turns each ```cpp block of INPUT into a function
# `void docSnippetN(CStar::ChatClient *chat, QObject *context)`.
# ';', '[' and ']' are masked first: CMake lists would split or group on them.
file(READ "${INPUT}" text ENCODING UTF-8)
string(REPLACE ";" "@SEMI@" text "${text}")
string(REPLACE "[" "@LB@" text "${text}")
string(REPLACE "]" "@RB@" text "${text}")
string(REPLACE "\n" ";" lines "${text}")
# A block's #include lines go to the top of the file (they show the app's
# includes, <CStarChat/…>, and must compile as written).
set(out "")
set(includes "#include <QDebug>\n#include <QJsonObject>\n") # ours: only what the page shows
set(in_block FALSE)
set(count 0)
foreach(line IN LISTS lines)
    if(line STREQUAL "```cpp")
        set(in_block TRUE)
        string(APPEND out "void docSnippet${count}(CStar::ChatClient *chat, QObject *context)\n{\n    Q_UNUSED(chat) Q_UNUSED(context)\n")
    elseif(in_block AND line STREQUAL "```")
        set(in_block FALSE)
        string(APPEND out "}\n\n")
        math(EXPR count "${count} + 1")
    elseif(in_block AND line MATCHES "^#include ")
        string(APPEND includes "${line}\n")
    elseif(in_block)
        string(APPEND out "${line}\n")
    endif()
endforeach()
string(APPEND out "int docSnippetCount = ${count};\n")
set(out "// Generated from docs/client.md — do not edit.\n${includes}\n${out}")
string(REPLACE "@SEMI@" ";" out "${out}")
string(REPLACE "@LB@" "[" out "${out}")
string(REPLACE "@RB@" "]" out "${out}")
file(WRITE "${OUTPUT}" "${out}")
