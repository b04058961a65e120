-- circles/repression.lua: the state's operations against the CPP, from Ayub Khan to Zia ul Haq.

return {
  title = "Repression from Ayub Khan to Zia ul Haq",
  order = 50,
  events = { "ayub_martial_law_1958", "hassan_nasir_killed", "bhutto_era_operations", "zia_operation_nazir_abbasi",
             "cpp_open_in_sindh_1990" },
  records = { "ayub_khan", "hassan_nasir", "zulfiqar_ali_bhutto", "zia_ul_haq", "nazir_abbasi" },
  context = { "CPP", "CPP_CC" },
  reading = function(r)
    r:say("{when:ayub_martial_law_1958} {ayub_khan.title} {ayub_khan} put Pakistan under martial law, and a brutal operation against the {short:CPP} began.")
    r:say("The party's own statement charges that he was the first general of Pakistan to be paid by the United States, a charge no other source makes.",
      { "ayub_martial_law_1958.claims.1" })
    r:say("In his time {hassan_nasir}, a leading member of the party's central committee, was tortured to death in the royal fort at Lahore, and his body was made to vanish; the party honours him as a martyr.",
      { "hassan_nasir_killed", "ayub_khan" })
    r:say("The sources give no year for his death.", { "hassan_nasir_killed" })
    r:para()
    r:say("The operations did not stop under the civilian government of {zulfiqar_ali_bhutto}, an era the party calls democratic in name only.",
      { "bhutto_era_operations" })
    r:say("Under {zia_ul_haq.title} {zia_ul_haq} the party faced its harshest operation yet: its secret headquarters was raided and members were arrested all over the country.",
      { "zia_operation_nazir_abbasi" })
    r:say("The young comrade {nazir_abbasi} was tortured to death in a military camp in {zia_operation_nazir_abbasi.places.1}, and another member of the central committee was left broken in mind by torture.")
    r:say("Here too the sources give no year, only the ruler's name, and the party says it kept working through its fronts even then.",
      { "zia_operation_nazir_abbasi" })
    r:para()
    r:say("Things eased only in part {when:cpp_open_in_sindh_1990}: from then on the party could work openly in {cpp_open_in_sindh_1990.places.1}, but not in the other provinces.")
  end,
  prompts = {
    "Why did the operations against the party go on under military and civilian governments alike? What did those governments share in how they saw the party?",
    "How does a party keep working when its leaders are killed and its headquarters raided? What did the fronts make possible?",
    "Why does the party remember Hassan Nasir and Nazir Abbasi as martyrs, and why might the sources give no dates for their deaths?",
  },
}
