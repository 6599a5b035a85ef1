/**
 * Every address no other route answers. Without this route Remix answers an unknown address without running
 * the root loader, and the 404 page would not know who is signed in or which language the reader chose.
 */
export async function loader() {
  throw new Response('Not found', { status: 404 });
}

export async function action() {
  throw new Response('Not found', { status: 404 });
}

/** Never shown (the loader always throws); having a component makes this a page, so the root's error page answers. */
export default function NotFound() {
  return null;
}
