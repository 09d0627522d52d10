// Small canvas plots: the frame-time plot and the signals' sparklines.

function fit(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  return { ctx: canvas.getContext('2d'), width, height, ratio };
}

/** Frame intervals (ms, oldest first) as bars, with guides at 60 and 30 frames/s. */
export function frameTimes(canvas, intervals) {
  const { ctx, width, height, ratio } = fit(canvas);
  ctx.clearRect(0, 0, width, height);
  const values = (intervals || []).filter((v) => v !== null);
  const top = Math.max(40, ...values) * 1.1;
  const y = (ms) => height - (ms / top) * height;
  ctx.lineWidth = ratio;
  ctx.font = `${10 * ratio}px sans-serif`;
  for (const [ms, label] of [[1000 / 60, '60'], [1000 / 30, '30']]) {
    ctx.strokeStyle = '#2a3440';
    ctx.beginPath();
    ctx.moveTo(0, y(ms));
    ctx.lineTo(width, y(ms));
    ctx.stroke();
    ctx.fillStyle = '#5c6775';
    ctx.fillText(`${label} fps`, 4 * ratio, y(ms) - 3 * ratio);
  }
  if (values.length === 0) return;
  const step = width / values.length;
  values.forEach((ms, i) => {
    ctx.fillStyle = ms > 1000 / 30 ? '#d2453f' : ms > 1000 / 55 ? '#d49a2a' : '#3a8dde';
    const h = Math.max(ratio, height - y(ms));
    ctx.fillRect(i * step, height - h, Math.max(ratio, step - ratio * 0.5), h);
  });
}

/** A sparkline of recent values, scaled to their own range. */
export function sparkline(canvas, values, stale) {
  const { ctx, width, height, ratio } = fit(canvas);
  ctx.clearRect(0, 0, width, height);
  const points = values.filter((v) => v !== null && Number.isFinite(v));
  if (points.length < 2) return;
  let min = Math.min(...points);
  let max = Math.max(...points);
  if (max - min < 1e-9) {
    min -= 0.5;
    max += 0.5;
  }
  const pad = 3 * ratio;
  ctx.strokeStyle = stale ? '#5c6775' : '#3a8dde';
  ctx.lineWidth = 1.5 * ratio;
  ctx.beginPath();
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const x = (i / (values.length - 1)) * width;
    const yy = height - pad - ((v - min) / (max - min)) * (height - 2 * pad);
    if (i === 0) ctx.moveTo(x, yy);
    else ctx.lineTo(x, yy);
  });
  ctx.stroke();
}
