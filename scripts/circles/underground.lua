-- circles/underground.lua: the CPP underground after 1951 — fronts, entryism, the APP and the NAP.

return {
  title = "Working underground: fronts, entryism and the National Awami Party",
  order = 30,
  events = { "cpp_goes_underground", "app_launched", "nap_founded_1957", "app_merged_into_nap", "nap_major_force_1960s",
             "us_estimate_mid_1960s", "cpp_abroad_baghawat", "baluchistan_armed_struggle" },
  records = { "DSF", "NSF", "NAP", "APP", "mian_iftikhar_ud_din", "US_State_Department", "CPP_Europe", "baghawat" },
  context = { "CPP" },
  reading = function(r)
    r:say("After the coup affair of {coup_attempt_1951.date} the {short:CPP} went on working in secret.", { "cpp_goes_underground" })
    r:say("The sources give no date for the change.", { "cpp_goes_underground" })
    r:say("It used student bodies as fronts: first the {long:DSF}, and later the {long:NSF}.", { "cpp_goes_underground" })
    r:say("The {short:DSF} grew into a major student organization; {short:CPP} members led it, though the party never openly backed it.",
      { "DSF" })
    r:say("Party members also joined other left parties without revealing their membership, a tactic known as entryism.",
      { "cpp_goes_underground" })
    r:para()
    r:say("After the bans of {cpp_ban_1954.date}, the party set up the {long:APP} in West Pakistan, with {mian_iftikhar_ud_din} at its head.",
      { "app_launched" })
    r:say("The article gives no year for this, only that it came in the {app_launched.date}, after the bans.")
    r:say("{when:nap_founded_1957} the party and other leftists formed the {long:NAP}, a party that could work within the law, and the {short:APP} was merged into it.",
      { "app_merged_into_nap" })
    r:say("By the {nap_major_force_1960s.date} the {short:NAP} had become a leading force of the left in Pakistan, resting on ethnic nationalists and on {short:CPP} members inside it who kept their membership hidden.")
    r:para()
    r:say("{when:us_estimate_mid_1960s} the {US_State_Department} put the membership of the {short:CPP} at about {us_estimate_mid_1960s.figures.1.value}.")
    r:say("{when:cpp_abroad_baghawat} it began to organize abroad, and its branch in Europe put out an Urdu magazine, {baghawat}, meaning {baghawat.translation}.",
      { "CPP_Europe" })
    r:say("In the same decade it led a militant, armed struggle of peasants in {baluchistan_armed_struggle.places.1} and built militant trade unions against the autocratic governments of the day.")
  end,
  prompts = {
    "Why would a banned party work through student fronts and inside other parties rather than rebuild itself openly? What does it gain, and what does it risk?",
    "How did entryism shape the National Awami Party? Who gained more from it, the NAP or the CPP?",
    "How could an underground party grow to thousands of members and organize abroad at the same time?",
  },
}
