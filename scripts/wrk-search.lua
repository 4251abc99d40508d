-- Cycles through queries of every kind: as typed, word forms, a typo, wrong layout, Latin letters.
local queries = {
  "как пополнить карту", "лимит снятия наличных", "заблокировали карточку", "перевод за граниуц",
  "rfr gjgjkybnm rfhne", "kak oplatit kommunalku", "бонусты қалай аламын", "bonus qalai alamyn",
  "картаны бұғаттау", "возврат товара", "сколько стоит доставка", "депозит ставка",
}
local i = 0
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  i = i % #queries + 1
  return wrk.format("GET", wrk.path .. "?limit=10&q=" .. encode(queries[i]))
end
