// Uses Footnote through the official MCP TypeScript SDK, unchanged:
//   node mcp-client.mjs http URL TOKEN QUESTION      (TOKEN '-' for none)
//   node mcp-client.mjs stdio QUESTION COMMAND ARG...
// Prints one JSON line: the tools listed, the ask result, the document text at the first citation's offsets, and
// what a call with bad arguments returned.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [mode, ...rest] = process.argv.slice(2);
let transport;
let question;
if (mode === 'http') {
  const [url, token, q] = rest;
  question = q;
  const headers = token === '-' ? {} : { Authorization: `Bearer ${token}` };
  transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
} else {
  const [q, command, ...args] = rest;
  question = q;
  transport = new StdioClientTransport({ command, args, env: process.env, stderr: 'inherit' });
}

const client = new Client({ name: 'footnote-test-client', version: '1.0.0' });
await client.connect(transport);
const { tools } = await client.listTools();
const ask = await client.callTool({ name: 'ask', arguments: { question } });
const answer = ask.structuredContent ?? JSON.parse(ask.content[0].text);
const c = answer.citations[0];
const span = await client.callTool({ name: 'get_document_span', arguments: { docId: c.docId, start: c.start, end: c.end } });
const search = await client.callTool({ name: 'search', arguments: { query: question, k: 3 } });
let bad;
try {
  const r = await client.callTool({ name: 'get_document_span', arguments: { docId: c.docId, start: 10, end: 5 } });
  bad = { isError: r.isError === true, text: r.content?.[0]?.text ?? '' };
} catch (e) {
  bad = { error: true, code: e.code, text: String(e.message) };
}
await client.close();
console.log(JSON.stringify({
  tools: tools.map(t => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
  answer,
  firstCitation: c,
  spanText: span.structuredContent.text,
  searchPassages: search.structuredContent.passages,
  bad,
}));
