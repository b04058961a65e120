-- circles/east_pakistan.lua: the CPP in East Pakistan, to the separate party of 1968.

return {
  title = "East Pakistan and the separation of 1968",
  order = 40,
  events = { "east_pakistan_committee_1948", "east_pakistan_election_1954", "cpp_in_east_pakistan_parties",
             "leaders_freed_1956", "sino_soviet_split_1966", "cpp_fourth_congress_1968", "cpep_founded_1968" },
  records = { "CPP_EPPC", "AL", "KPP", "NIP", "UF", "GD", "EP_pro_China", "CPEP", "CPB" },
  context = { "CPP" },
  reading = function(r)
    r:say("When the {short:CPP} was founded {when:east_pakistan_committee_1948}, the delegates from East Pakistan elected a provincial committee for the party's wing there, the {CPP_EPPC}.")
    r:say("That branch ran itself, as one underground body could not cover so wide a territory.", { "leaders_freed_1956" })
    r:para()
    r:say("{when:east_pakistan_election_1954} the party backed the {UF} of the {AL}, the {KPP} and {NIP} in the provincial election in East Pakistan.")
    r:say("Of its {words:east_pakistan_election_1954.figures.1.value} candidates, {words:east_pakistan_election_1954.figures.2.value} won, and {east_pakistan_election_1954.figures.3.value} more of its members won seats standing for other parties.")
    r:say("In the {cpp_in_east_pakistan_parties.date} it worked from inside the {AL}, and later from inside the {GD}.")
    r:para()
    r:say("{when:sino_soviet_split_1966} the quarrel between Moscow and Beijing reached the party, and in East Pakistan a group that took China's side broke away.",
      { "EP_pro_China" })
    r:say("{when:cpp_fourth_congress_1968} the party's fourth congress met in {cpp_fourth_congress_1968.places.1}, and decided that East Pakistan should have a communist party of its own.")
    r:say("So the {long:CPEP} was founded {when:cpep_founded_1968}; in time it became the {long:CPB}.")
    r:say("The sources give no date for that change.", { "CPB" })
  end,
  prompts = {
    "Why could one underground party not lead both wings of Pakistan? How did distance and the work in secret push the East Pakistan branch towards running itself?",
    "Why would a communist party back other parties' candidates, and work inside other parties, instead of standing alone?",
    "How did a quarrel between Moscow and Beijing divide communists in East Pakistan? Why did the 1968 congress choose a separate party?",
  },
}
