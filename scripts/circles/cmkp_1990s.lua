-- circles/cmkp_1990s.lua: the 1990s — the CPP and Major Ishaque's faction merge into the CMKP,
-- and the CPP is rebuilt out of it.

return {
  title = "The 1990s: the CMKP merger and the CPP's reconstitution",
  order = 60,
  events = { "mkp_split_1978", "jam_saqi_gs_1990", "jam_saqi_resigns_1991", "cmkp_founded_1995", "cpp_reconstituted_1999" },
  records = { "jam_saqi", "major_ishaque", "MKP", "MKP_Ishaque", "CMKP" },
  context = { "CPP" },
  reading = function(r)
    r:say("{when:jam_saqi_gs_1990} {jam_saqi} became {the:CPP}'s {lower:jam_saqi.roles.1.title}; {when:jam_saqi_resigns_1991} he resigned and left the party.")
    r:para()
    r:say("The party's partner in the merger of the decade had its roots {when:mkp_split_1978}, when the {long:MKP} broke into {words:mkp_split_1978.figures.1.value} factions.")
    r:say("One of them was the group of {major_ishaque}.", { "MKP_Ishaque", "mkp_split_1978" })
    r:say("The collapse of the Soviet Union shook the left in Pakistan and abroad, and many factions gave up Marxism.",
      { "cmkp_founded_1995" })
    r:say("{when:cmkp_founded_1995} the {short:CPP} and the faction of {major_ishaque} went through criticism and self-criticism and merged into the {long:CMKP}.")
    r:say("The {short:CPP} admitted that it had been too uncritical of the Soviet Union.", { "cmkp_founded_1995" })
    r:say("The new party built its line on the thinking of {major_ishaque}, with the peasants at its centre.", { "CMKP" })
    r:para()
    r:say("The union did not last: {when:cpp_reconstituted_1999} former {short:CPP} members left the {short:CMKP} and set the {short:CPP} up again as a party of its own.")
    r:say("The two articles differ on how many left: much of the old party, or only a group.",
      { "cpp_reconstituted_1999.claims.1", "cpp_reconstituted_1999.claims.2" })
  end,
  prompts = {
    "Why did the fall of the Soviet Union push two parties together when it pushed so many others away from Marxism?",
    "How can criticism and self-criticism make a merger possible? What did the CPP give up in admitting it had been too uncritical of the Soviet Union?",
    "Why might a merger of two parties with different histories come apart within four years?",
  },
}
