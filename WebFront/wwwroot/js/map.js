// Draws the list of sites on a map. Tiles are optional (none unless configured): the markers and their links
// stay usable on a plain background, and the list below the map stays the reference.

const container = document.querySelector('[data-map]');
const markers = [...document.querySelectorAll('[data-site-marker]')];

if (container && window.L && markers.length > 0) {
  const L = window.L;
  container.hidden = false;
  const map = L.map(container, { scrollWheelZoom: false, attributionControl: Boolean(container.dataset.attribution) });
  if (container.dataset.tileUrl) {
    L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.attribution || '' }).addTo(map);
  }
  const points = markers.map(item => {
    const point = [Number(item.dataset.lat), Number(item.dataset.lon)];
    const link = document.createElement('a');
    link.href = item.dataset.href;
    link.textContent = item.dataset.name;
    L.circleMarker(point, { radius: 9, color: '#0b4f8a', weight: 3, fillOpacity: 0.6 })
      .bindPopup(link)
      .bindTooltip(item.dataset.name)
      .addTo(map);
    return point;
  });
  map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 13 });
}
