# Runs embed_cpp twice on a fresh database and checks that the second run
# resumes the first's conversation. cmake -DEXE= -DBUNDLE= -DDB= -P resume_test.cmake
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm")

function(run_embed out)
  execute_process(COMMAND "${EXE}" --bundle "${BUNDLE}" --db "${DB}" --session web-42
                          --now 1795000000 ${ARGN}
                  OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr RESULT_VARIABLE rc)
  message("${stdout}${stderr}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "embed_cpp exited with ${rc}")
  endif()
  set(${out} "${stdout}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected output matching: ${pattern}")
  endif()
endfunction()

run_embed(first "I need a gift for my 6 year old under 40 euros")
expect("${first}" "\\[new session web-42\\]")
expect("${first}" "What (are they into|do they enjoy)\\?")

run_embed(second "she loves lego" "add the second one")
expect("${second}" "\\[resumed web-42: 1 turns, [0-9]+ bytes\\]")
expect("${second}" "ideas for a 6-year-old \\(lego, under 40 euros\\)")
expect("${second}" "Added Brickville Junior Farm to your cart")

# A third run sees the cart the second one filled.
run_embed(third "show my cart")
expect("${third}" "\\[resumed web-42: 3 turns")
expect("${third}" "Brickville Junior Farm")
