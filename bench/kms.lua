-- wrk script: POSTs one KMS request, given by the environment (TARGET and BODY; AUTHORIZATION and AMZ_DATE
-- when the server verifies signatures).
wrk.method = "POST"
wrk.path = "/"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "TrentService." .. os.getenv("TARGET")
wrk.body = os.getenv("BODY")
local authorization = os.getenv("AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
  wrk.headers["X-Amz-Date"] = os.getenv("AMZ_DATE")
end

local errors = 0
response = function(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    if errors == 1 then
      io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    end
  end
end
