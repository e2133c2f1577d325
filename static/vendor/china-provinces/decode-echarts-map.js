// Decodes the compressed map of Apache ECharts 4.9.0 (npm "echarts", map/json/china.json) into plain GeoJSON,
// coordinates rounded to 0.01° (about 1 km). Usage: node decode-echarts-map.js china.json china-provinces.geojson
const fs=require('fs');
const j=JSON.parse(fs.readFileSync(process.argv[2],'utf8'));
const scale=j.UTF8Scale||1024;
function ring(s,off){const r=[];let px=off[0],py=off[1];for(let i=0;i<s.length;i+=2){let x=s.charCodeAt(i)-64,y=s.charCodeAt(i+1)-64;x=(x>>1)^(-(x&1));y=(y>>1)^(-(y&1));x+=px;y+=py;px=x;py=y;const p=[+(x/scale).toFixed(2),+(y/scale).toFixed(3)];const l=r[r.length-1];if(!l||l[0]!==p[0]||l[1]!==p[1])r.push(p);}return r;}
const out={type:'FeatureCollection',features:[]};
for(const f of j.features){const g=f.geometry;let coords;
 if(g.type==='Polygon'){coords=g.coordinates.map((c,k)=>ring(c,g.encodeOffsets[k]));}
 else {coords=g.coordinates.map((p,i)=>p.map((c,k)=>ring(c,g.encodeOffsets[i][k])));}
 out.features.push({type:'Feature',properties:{name:f.properties.name},geometry:{type:g.type,coordinates:coords}});}
fs.writeFileSync(process.argv[3],JSON.stringify(out));
console.log(out.features.length, out.features.map(f=>f.properties.name).join(','));
const b=out.features.find(f=>f.properties.name==='北京').geometry.coordinates; console.log(JSON.stringify(b).slice(0,200));
