-- Seed documents the dataset is built from: one record per file, with its section headings.
return {
  {
    id = "cmkp_article",
    file = "000_397fbf818c5dc88e.txt",
    title = "Communist Mazdoor Kissan Party",
    sections = { "Communist Mazdoor Kissan Party", "History", "Politics and influence" },
    summary = "Encyclopedia article on the CMKP: an infobox and lead under the title heading, then its history from the 1995 unification to the two mergers of 2015, and a short part on its politics.",
  },
  {
    id = "cpp_article",
    file = "001_694f58b42979dfb4.txt",
    title = "Communist Party of Pakistan",
    sections = { "Communist Party of Pakistan", "History", "Struggles", "1950s", "1960s", "1990s", "Current status", "Electoral history" },
    summary = "Encyclopedia article on the CPP: infobox and lead under the title heading, then its founding in 1948, the 1951 affair, the 1950s and 1960s, the splits of the 1990s and 2000s, its present state and its 2013 vote count.",
  },
  {
    id = "cpp_statement",
    file = "002_16101c0f4377ca19.txt",
    title = "Communist Party of Pakistan: the party's own history",
    sections = { "whole document" },
    summary = "The CPP's own account of itself, written without headings: aims, founding, the 1951 case as the party sees it, the 1954 ban, repression under Ayub, Bhutto and Zia, its current fronts, its organ and its General Secretary.",
  },
}
