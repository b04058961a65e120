-- circles/rawalpindi_bans.lua: the Rawalpindi conspiracy of 1951 and the bans of 1954.

return {
  title = "The Rawalpindi conspiracy and the bans (1951–54)",
  order = 20,
  events = { "coup_attempt_1951", "rawalpindi_conspiracy_case", "cpp_ban_1954", "fronts_ban_1954", "leaders_freed_1956" },
  records = { "akbar_khan", "kemal_ataturk", "liaquat_ali_khan", "NSF", "PWM", "RWU", "jawaharlal_nehru" },
  context = { "CPP", "sajjad_zaheer" },
  reading = function(r)
    r:say("{when:coup_attempt_1951} a coup planned by {akbar_khan.title} {akbar_khan} was found out before it could be carried out.")
    r:say("He was an army officer unhappy with the government's decisions, and the ideas of {kemal_ataturk} had shaped his thinking.",
      { "coup_attempt_1951", "akbar_khan" })
    r:say("The sources disagree about the part the {short:CPP} played.", { "coup_attempt_1951" })
    r:say("The article says the party was drawn into the plot without meaning to be; the party's own statement says it held a military coup to be wrong, refused to join, and urged the officers to give the plan up.",
      { "coup_attempt_1951.claims.1", "coup_attempt_1951.claims.2" })
    r:para()
    r:say("The Rawalpindi Conspiracy Case followed {when:rawalpindi_conspiracy_case}: the party's leaders, {sajjad_zaheer} among them, were arrested and jailed, and so were army officers.")
    r:say("A crackdown on the party's leadership spread across the country.", { "rawalpindi_conspiracy_case.claims.1" })
    r:say("The party calls the case a false one, made up to punish it for a plot it had refused, and ties it to its work of building unions.",
      { "rawalpindi_conspiracy_case.claims.2", "rawalpindi_conspiracy_case" })
    r:para()
    r:say("{when:cpp_ban_1954} the {short:CPP} was banned.")
    r:say("The article gives as the reason a charge of plotting to bring down the government of {liaquat_ali_khan} ({liaquat_ali_khan.roles.1.title}); the party says it was banned because it had won real influence among workers and the public.",
      { "cpp_ban_1954.claims.1", "cpp_ban_1954.claims.2" })
    r:say("Its front organizations were banned with it, among them the {NSF}, the {PWM} and the {RWU}.", { "fronts_ban_1954" })
    r:say("By the party's account most of its members went to jail, and those still free went underground to carry on.",
      { "cpp_ban_1954" })
    r:para()
    r:say("{when:leaders_freed_1956} a diplomatic move by {jawaharlal_nehru} won the release of the party's best-known leaders, who were sent to India.")
    r:say("The party was left weak in West Pakistan, with only a small base in East Pakistan.", { "leaders_freed_1956" })
  end,
  prompts = {
    "Why do the article and the party's own statement tell the coup affair so differently? How should a reader weigh a party's account of itself?",
    "How did a failed coup that the party may not have joined lead to its ban three years later?",
    "Why would a state ban a party's student, writers' and railway unions along with the party itself?",
  },
}
