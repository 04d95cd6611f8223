// JSON over HTTP to the server that served this page. Never throws: a network failure is an answer with status 0.
// A refusal's text is the problem document's `detail` (ASP.NET Core problem details), else its title, else a fallback.
export async function request(path, { method = "GET", body, token } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  } catch {
    return { ok: false, status: 0, data: null };
  }
  let data = null;
  try {
    const text = await response.text();
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  return { ok: response.ok, status: response.status, data };
}

// What to tell the user about a refused request.
export function refusalText(result, fallback) {
  if (result.status === 0) return "The server could not be reached; try again shortly.";
  const data = result.data ?? {};
  const reason = data.detail || data.message || data.title;
  if (reason) return reason;
  return fallback ? `${fallback} (the server answered ${result.status})` : `The server answered ${result.status}.`;
}
