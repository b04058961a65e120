-- circles/cmkp_splits.lua: the CMKP from the split of 2003 to the mergers of 2015.

return {
  title = "The CMKP's splits and mergers, 2003–2015",
  order = 70,
  events = { "cmkp_split_2003", "cmkp_split_2009", "taimur_rahman_leaves_cmkp", "cmkp_new_leadership_2009",
             "pmkp_formed_2015", "mkp_formed_2015" },
  records = { "taimur_rahman", "sufi_abdul_khaliq_baloch", "mehfoz_khan_shujaat", "hkmat_shaw", "CMKP_CC", "awami_morcha",
              "WPP", "PNC", "PMKP", "PakMKP", "MKP_2015", "afzal_khamosh" },
  context = { "CMKP", "MKP_Ishaque", "major_ishaque" },
  reading = function(r)
    r:say("{when:cmkp_split_2003}, after more trouble in its organization and quarrels over ideology, a large part of the {short:CMKP} walked out and revived the group of {major_ishaque}.",
      { "MKP_Ishaque" })
    r:say("A group led by {taimur_rahman} and {sufi_abdul_khaliq_baloch} stayed with the {short:CMKP} and its Marxist–Leninist programme.",
      { "cmkp_split_2003" })
    r:para()
    r:say("The party split again {when:cmkp_split_2009}: several long-time members, {sufi_abdul_khaliq_baloch} among them, left it for the broad-left {WPP}.")
    r:say("{taimur_rahman}, once its {lower:taimur_rahman.roles.1.title}, stopped working with the party and left it.",
      { "taimur_rahman_leaves_cmkp" })
    r:say("The {short:CMKP} carried on as a separate Marxist–Leninist–Stalinist party, led by {mehfoz_khan_shujaat} of {cmkp_new_leadership_2009.places.1}, a member of its central committee, with {hkmat_shaw} of {cmkp_new_leadership_2009.places.2} as {lower:hkmat_shaw.roles.1.title}.",
      { "cmkp_split_2009", "CMKP_CC" })
    r:say("{mehfoz_khan_shujaat} also edited the party's regular circular, {awami_morcha}.", { "mehfoz_khan_shujaat.roles.3" })
    r:para()
    r:say("{when:pmkp_formed_2015} the {short:CMKP} and the {PNC} joined to form the {PMKP}.")
    r:say("{when:mkp_formed_2015} that party and the {PakMKP} merged in turn, and the new party took the name {MKP_2015}, with {afzal_khamosh} at its head.")
    r:say("The lead of the article folds these two steps into one merger; its history section tells them apart.",
      { "pmkp_formed_2015.claims.1", "pmkp_formed_2015.claims.2" })
  end,
  prompts = {
    "Why did the CMKP keep splitting after 2003? Which of its quarrels were about ideas, and which about organization?",
    "How did the party change when long-time members left for a broad-left party? What does a small party gain, and lose, by staying strictly Marxist–Leninist?",
    "Why would a party that had split so often choose to merge twice in one year, in 2015?",
  },
}
