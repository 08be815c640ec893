/** An honest placeholder for a menu whose feature has not been built yet. */
export function NotYetPage({ title }: { title: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>Fitur ini belum tersedia pada versi ini.</p>
    </section>
  );
}
