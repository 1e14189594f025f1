# cmake -DPROGRAM=<exe> -DEXPECT=<text> -P run_example.cmake
# Runs a README example: it must exit 0 and its output must contain EXPECT.
execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
string(FIND "${out}" "${EXPECT}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${PROGRAM}: output does not contain '${EXPECT}'")
endif()
