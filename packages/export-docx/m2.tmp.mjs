import {renderHtml} from "@zfxxgk/export-html";
import {renderDocx} from "./dist/index.js";
import {checkCharacters} from "./dist/check.js";
import {documentView} from "./dist/view.js";
import {compiled} from "./dist/templates.js";
import {zipSync} from "fflate";
import fs from "fs";
const r=JSON.parse(fs.readFileSync("../../examples/tacheng-2024/report.json"));
const time=(f,n=300)=>{for(let i=0;i<50;i++)f();const t=performance.now();for(let i=0;i<n;i++)f();return ((performance.now()-t)/n).toFixed(3)};
for (let k=0;k<2;k++){
console.log("html", time(()=>renderHtml(r)));
console.log("check", time(()=>checkCharacters(r,"zh-CN")));
console.log("view", time(()=>documentView(r,"2021")));
const v=documentView(r,"2021");
console.log("template", time(()=>compiled.document(v)));
const enc=new TextEncoder(); const s=compiled.document(v);
console.log("encode", time(()=>enc.encode(s)));
console.log("docx", time(()=>renderDocx(r)));}
