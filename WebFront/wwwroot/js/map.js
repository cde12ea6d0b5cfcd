// Draws the list of sites on a map, and the heat map of the last 24 hours of residents' reports: one circle per
// commune at its centre, larger and darker the more it reported. Tiles are optional (none unless configured): the
// markers and their links stay usable on a plain background, then labelled with the sites' and communes' names (the
// site with an event in progress marked), and the lists below the map stay the reference.
// Leaflet (the heaviest file of the page) is fetched only when the list of sites comes near the screen: a
// resident who reads the notices and leaves never downloads it.

const container = document.querySelector('[data-map]');
const markers = [...document.querySelectorAll('[data-site-marker]')];
const heat = [...document.querySelectorAll('[data-report-heat]')];
const centres = [...document.querySelectorAll('[data-commune-centre]')];

if (container && markers.length + heat.length > 0 && window.IntersectionObserver) {
  const near = new IntersectionObserver(entries => {
    if (entries.some(entry => entry.isIntersecting)) {
      near.disconnect();
      // Without its library the box would stay empty: the list below says the same.
      loadLeaflet().then(draw, () => container.remove());
    }
  }, { rootMargin: '100% 0px' });
  near.observe(container.parentElement);
} else if (container) {
  container.remove();
}

function loadLeaflet() {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = container.dataset.leafletStyle;
  document.head.append(style);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = container.dataset.leafletScript;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

function draw() {
  const L = window.L;
  container.hidden = false;
  const map = L.map(container, { scrollWheelZoom: false, attributionControl: Boolean(container.dataset.attribution) });
  const tiles = Boolean(container.dataset.tileUrl);
  if (tiles) {
    L.tileLayer(container.dataset.tileUrl, { attribution: container.dataset.attribution || '' }).addTo(map);
  } else {
    container.classList.add('map--plain');
  }

  // Leaflet creates a layer's element only once the map has a view, which the element of each circle needs.
  const point = item => [Number(item.dataset.lat), Number(item.dataset.lon)];
  map.fitBounds(L.latLngBounds([...markers, ...heat].map(point)).pad(0.3), { maxZoom: 13 });

  // Drawn first, so that the sites' markers stay on top and clickable.
  const largest = Math.max(...heat.map(item => Number(item.dataset.count)));
  for (const item of heat) {
    const count = Number(item.dataset.count);
    // The area, not the radius, grows with the count: 400 m for one report, capped at 2.5 km.
    const circle = L.circle(point(item), {
      radius: Math.min(2500, 400 * Math.sqrt(count)),
      color: '#a3120a',
      weight: 1,
      fillColor: '#a3120a',
      fillOpacity: 0.15 + 0.45 * count / largest,
      className: 'report-heat',
    }).bindTooltip(text(item.textContent)).addTo(map);
    circle.getElement().dataset.commune = item.dataset.commune;
  }

  // Without tiles the communes' centres are the landmarks a resident finds the sites by.
  if (!tiles) {
    for (const item of centres) {
      L.circleMarker(point(item), { radius: 3, color: '#555', weight: 1, fillOpacity: 0.8, interactive: false })
        .bindTooltip(text(item.textContent), { permanent: true, direction: 'bottom', className: 'map-commune' })
        .addTo(map);
    }
  }

  for (const item of markers) {
    const link = document.createElement('a');
    link.href = item.dataset.href;
    link.textContent = item.dataset.name;
    const current = item.dataset.current === 'true';
    const marker = L.circleMarker(point(item), current
      ? { radius: 12, color: '#a3120a', weight: 4, fillColor: '#d93a1f', fillOpacity: 0.9, className: 'site-current' }
      : { radius: 9, color: '#0b4f8a', weight: 3, fillOpacity: 0.6 })
      .bindPopup(link)
      // Without tiles, names are always shown: unlabelled dots on grey tell nobody anything.
      .bindTooltip(text(current ? `${item.dataset.name} — ${container.dataset.currentLabel}` : item.dataset.name),
        { permanent: !tiles, direction: 'right', className: current ? 'map-site map-site--current' : 'map-site' })
      .addTo(map);
    marker.getElement().dataset.site = item.dataset.name;
  }
}

// Leaflet writes a string tooltip as markup; a site's or a commune's name is text.
function text(content) {
  const span = document.createElement('span');
  span.textContent = content;
  return span;
}
