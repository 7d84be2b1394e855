// Asks Footnote through the official OpenAI npm client, unchanged: node footnote-client.mjs BASE_URL QUESTION
import OpenAI from 'openai';

const [baseURL, question] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: 'unused' });
const messages = [{ role: 'system', content: 'Answer from the documents.' }, { role: 'user', content: question }];

const models = await client.models.list();
const completion = await client.chat.completions.create({ model: 'footnote', messages });

const stream = await client.chat.completions.create({ model: 'footnote', messages, stream: true, stream_options: { include_usage: true } });
let streamed = '';
let streamFootnote = null;
let finish = null;
let usage = null;
for await (const chunk of stream) {
  const choice = chunk.choices[0];
  if (choice?.delta?.content) streamed += choice.delta.content;
  if (choice?.finish_reason) finish = choice.finish_reason;
  if (chunk.footnote) streamFootnote = chunk.footnote;
  if (chunk.usage) usage = chunk.usage;
}

console.log(JSON.stringify({
  models: models.data.map((m) => m.id),
  content: completion.choices[0].message.content,
  footnote: completion.footnote,
  streamed, streamFootnote, finish, usage,
}));
