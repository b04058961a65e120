# common.tcl: shared set-up for the terminal tests: start halqa on a pseudo-terminal, fail loudly.
set timeout 10
log_user [expr {[info exists env(PTY_VERBOSE)] ? 1 : 0}]
proc fail {why} {
  puts stderr "FAIL: $why"
  puts stderr "--- screen so far:\n$::expect_out(buffer)"
  exit 1
}
proc start {args} {
  global spawn_id
  set ::expect_out(buffer) ""
  spawn -noecho {*}$::env(HALQA) {*}$args
  expect {
    "halqa> " {}
    timeout { fail "no prompt" }
    eof { fail "halqa exited at start" }
  }
}
# Sends a line and waits for the given text, then the next prompt.
proc ask {line want} {
  send -- "$line\r"
  expect {
    -ex $want {}
    timeout { fail "after '$line' expected '$want'" }
    eof { fail "halqa exited after '$line'" }
  }
  expect {
    "halqa> " {}
    timeout { fail "no prompt after '$line'" }
  }
}
proc pass {name} {
  puts "$name: 1 passed, 0 failed"
  exit 0
}
# Waits for text (a fixed string) or fails with why.
proc want {text why} {
  expect {
    -ex $text {}
    timeout { fail $why }
    eof { fail "halqa exited: $why" }
  }
}
