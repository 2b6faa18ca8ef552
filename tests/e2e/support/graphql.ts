// A tiny GraphQL-over-HTTP client for setting the scene around the browser (other customers, stock).
export interface GraphQLFailure {
  message: string;
  extensions?: { code?: string };
}

export async function graphql<T>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLFailure[] };
  if (body.errors?.length || !body.data) {
    throw new Error(
      `GraphQL ${query.trim().split(/\s+/).slice(0, 2).join(' ')} failed: ${JSON.stringify(body.errors)}`,
    );
  }
  return body.data;
}

export interface DemoItem {
  id: string;
  name: string;
  inStore: number;
  price: number;
}

export async function pizzaMenu(base: string): Promise<Record<string, DemoItem>> {
  const data = await graphql<{ businesses: { name: string; menu: DemoItem[] }[] }>(
    base,
    '{ businesses { name menu { id name inStore price } } }',
  );
  const pizza = data.businesses.find((business) => business.name === 'Pizza Palace');
  if (!pizza) throw new Error('Pizza Palace is not seeded');
  return Object.fromEntries(pizza.menu.map((item) => [item.name, item]));
}

export async function loginToken(
  base: string,
  role: 'user' | 'business',
  name: string,
  password: string,
) {
  const field = role === 'user' ? 'userLogin' : 'businessLogin';
  const data = await graphql<Record<string, { token: string }>>(
    base,
    `mutation ($name: String!, $password: String!) { ${field}(name: $name, password: $password) { token } }`,
    { name, password },
  );
  return data[field]!.token;
}

export async function placeOrder(
  base: string,
  token: string,
  menuItemId: string,
  quantity: number,
) {
  const data = await graphql<{ placeOrder: { id: string } }>(
    base,
    'mutation ($id: ID!, $q: Int!) { placeOrder(menuItemId: $id, quantity: $q) { id } }',
    { id: menuItemId, q: quantity },
    token,
  );
  return data.placeOrder.id;
}

export async function acceptOrder(base: string, token: string, id: string) {
  await graphql(base, 'mutation ($id: ID!) { acceptOrder(id: $id) { id } }', { id }, token);
}
