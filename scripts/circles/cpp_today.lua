-- circles/cpp_today.lua: the CPP since its split of 2002 — leadership, fronts, elections, allies.

return {
  title = "The CPP today",
  order = 80,
  events = { "cpp_open_in_sindh_1990", "cpp_split_2002", "imdad_qazi_leads", "election_2013" },
  records = { "CPP_Thaheem", "khadim_thaheem", "maula_bux_khaskheli", "imdad_qazi", "CPP_CC", "surkh_parcham", "DSF",
              "PLA", "LDF", "IMCWP", "ECP", "TUF", "peasants_committee", "DWA", "DYF", "APW" },
  context = { "CPP" },
  reading = function(r)
    r:say("{when:cpp_split_2002} the {short:CPP} split in two, leaving two parties of the same name: one led by {maula_bux_khaskheli}, the other a splinter under {khadim_thaheem}.")
    r:say("The article counts this as the most notable split the party has come through, and calls the group of {khadim_thaheem} the one that broke away.",
      { "cpp_split_2002", "CPP_Thaheem" })
    r:para()
    r:say("Since the {imdad_qazi_leads.date} the party has held together under {imdad_qazi}, who speaks for its central committee as {imdad_qazi.roles.1.title}.",
      { "CPP_CC" })
    r:say("The party's own statement calls the post General Secretary.", { "imdad_qazi_leads.claims.2" })
    r:say("It has worked openly in {cpp_open_in_sindh_1990.places.1} since {cpp_open_in_sindh_1990.date}, but it still cannot do so in the other provinces.")
    r:say("Its organ is {surkh_parcham} ({surkh_parcham.translation}), which it still publishes.", { "surkh_parcham" })
    r:para()
    r:say("The {short:CPP} is not registered with the {ECP}, so it cannot stand in elections under its own name.", { "ECP" })
    r:say("Yet the table of results gives it {election_2013.figures.1.value} votes in the general election of {election_2013.date}, with the sickle as its symbol.",
      { "election_2013.claims.1" })
    r:say("It works with other left and progressive groups through the {PLA}, names the {LDF} as its national affiliation, and is an active member of the {long:IMCWP}.",
      { "PLA", "LDF", "IMCWP" })
    r:say("Its fronts today include the {DSF}, its student wing, the {TUF}, the {peasants_committee}, the {DWA}, the {DYF} and the {APW}.",
      { "DSF", "TUF" })
  end,
  prompts = {
    "Why might a party keep working through fronts and alliances long after it could work openly in one province?",
    "How can a party that is not registered still take part in politics? What do alliances such as the Popular Left Alliance give it?",
    "Why do splits leave two parties with the same name, and how should a reader tell which one a source means?",
  },
}
