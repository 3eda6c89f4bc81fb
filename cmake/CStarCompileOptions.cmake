# Warnings for our own targets only (Qt's headers are system headers).
function(cstar_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    # clang's -Wpedantic flags every qCWarning(category) << … and QSKIP("…"):
    # Qt's variadic macros called with no variadic argument (valid C++20).
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()
