-- circles/cpp_founding.lua: the founding of the Communist Party of Pakistan in Calcutta, 1948.

return {
  title = "The founding of the CPP (1948)",
  order = 10,
  events = { "russian_revolution_1917", "cpi_second_congress", "cpp_founded", "zaheer_general_secretary_1948",
             "east_pakistan_committee_1948", "cpp_resists_bureaucracy_1948" },
  records = { "CPP", "CPI", "sajjad_zaheer", "AIPWA", "CPP_EPPC", "vladimir_lenin" },
  reading = function(r)
    r:say("{when:cpi_second_congress}, the {long:CPI} held its second congress in {cpi_second_congress.places.1}.")
    r:say("It resolved that the new state of Pakistan should have a communist party of its own, since a young and unsteady country seemed ready for revolution.",
      { "cpi_second_congress" })
    r:say("The delegates from Pakistan then met in a session of their own and founded the {long:CPP} {when:cpp_founded}.")
    r:say("The two sources tell this a little differently: one has the delegates break away to a separate meeting, the other puts the founding at the {short:CPI} congress itself.",
      { "cpp_founded.claims.1", "cpp_founded.claims.2" })
    r:para()
    r:say("{sajjad_zaheer} is named as the party's {lower:sajjad_zaheer.roles.1.title}.")
    r:say("At the founding session the delegates chose him as its first {lower:sajjad_zaheer.roles.2.title}.",
      { "zaheer_general_secretary_1948" })
    r:say("He was a man of West Pakistan who had earlier set up the {long:AIPWA}.",
      { "sajjad_zaheer.roles.3", "zaheer_general_secretary_1948" })
    r:say("The delegates from East Pakistan elected a committee for their own wing, the {CPP_EPPC}.",
      { "east_pakistan_committee_1948", "CPP" })
    r:say("To help build the party, the {short:CPI} sent many of its Muslim leaders to Pakistan.", { "cpp_founded" })
    r:para()
    r:say("The party took up a Leninist line, inspired by {vladimir_lenin}'s approach to the revolution in Russia {when:russian_revolution_1917}: a small core of intellectuals and workers would lead the revolution.",
      { "cpp_founded" })
    r:say("By its own account, its troubles began at once: the civil bureaucracy raised under British rule, with the military as its junior partner, set about tying Pakistan to imperialism, and the party fought this.",
      { "cpp_resists_bureaucracy_1948" })
    r:say("{when:cpp_resists_bureaucracy_1948} it began to build unions and associations among workers and farmers, writers and journalists, and government employees.")
  end,
  prompts = {
    "Why did the communists of the new Pakistan want a party of their own rather than stay in the CPI? What did the CPI's resolution assume about a young state?",
    "How could a party founded in Calcutta, with a leadership sent from India, take root in Pakistan? What helped it, and what stood in its way?",
    "Why might a new party begin with unions and associations of workers, farmers, writers and state employees, rather than with elections?",
  },
}
