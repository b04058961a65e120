# common.tcl: shared set-up for the terminal tests: start halqa on a pseudo-terminal, fail loudly.
set timeout 10
log_user [expr {[info exists env(PTY_VERBOSE)] ? 1 : 0}]
# No bracketed-paste escapes: "\033[?2004h" holds a "2" that `ask ... "2"` would match.
set inputrc [file join [expr {[info exists env(HOME)] ? $env(HOME) : "/tmp"}] "inputrc"]
file mkdir [file dirname $inputrc]
set f [open $inputrc w]
puts $f "set enable-bracketed-paste off"
close $f
set env(INPUTRC) $inputrc

# Everything halqa prints is kept in a transcript, shown when a step fails.
set transcript [file join [expr {[info exists env(HOME)] ? $env(HOME) : "/tmp"}] "pty-[pid].log"]
file mkdir [file dirname $transcript]
log_file -noappend $transcript
proc fail {why} {
  puts stderr "FAIL: $why"
  log_file
  set f [open $::transcript]
  puts stderr "--- transcript:\n[read $f]"
  close $f
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
  # the echo of the line ends first; the answer is looked for only after it
  expect {
    -ex "\n" {}
    timeout { fail "'$line' was not echoed" }
    eof { fail "halqa exited after '$line'" }
  }
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
  log_file
  file delete $::transcript
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
