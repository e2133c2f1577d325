-- wrk script: each request takes the next path from the file named by ROTATE_FILE, so no two consecutive
-- requests ask for the same page (what a cache of rendered pages cannot help with).
local paths = {}
for line in io.lines(os.getenv("ROTATE_FILE")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
