namespace WireTrace.Reports.Html;

/// <summary>The inline stylesheet and script of the HTML report (no external resources).</summary>
internal static class HtmlAssets
{
    /// <summary>
    /// Styles. Colours pass WCAG AA for their text (4.5:1 or more); no meaning is carried by colour alone:
    /// reworded text is dotted-underlined, added text underlined, dropped text struck through, fact changes
    /// outlined with a flag badge, and every row and relation carries a text label.
    /// </summary>
    public const string Css = """
:root{--ink:#1f2328;--muted:#57606a;--line:#d8dee4;--soft:#f6f8fa;--page:#ffffff;--accent:#0550ae;
--rep-bg:#fff3c4;--rep-line:#8a5a00;--ins-bg:#dcf7e3;--ins-line:#116329;--del-bg:#ffe4e1;--del-line:#b3261e;
--fact:#6639ba;--fact-bg:#f4edff;--focus:#0969da;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--page);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
a{color:var(--accent)}
a:focus-visible,input:focus-visible,summary:focus-visible,.derivation:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:9}
.skip:focus{left:.5rem}
.top{padding:1.1rem clamp(1rem,3vw,2rem) .8rem;border-bottom:1px solid var(--line);background:var(--soft)}
.top h1{margin:0;font-size:1.45rem;letter-spacing:-.01em}
.summary{margin:.2rem 0 0;color:var(--muted)}
main{max-width:1320px;margin:0 auto;padding:0 clamp(.75rem,3vw,2rem) 2rem}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.08rem;margin:.2rem 0}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 .4rem}
.doc{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em;font-weight:600;white-space:nowrap}
.sub{font-weight:400;color:var(--muted);font-size:.9rem}
.controls{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.97);border-bottom:1px solid var(--line);padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;align-items:center}
.no-js .filters{display:none}
.filters{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:.5rem;font-size:.9rem}
.filters label{display:inline-flex;gap:.3rem;align-items:center;cursor:pointer;font-size:.9rem}
.filters input{width:1rem;height:1rem;margin:0;accent-color:var(--accent)}
.count{color:var(--muted);font-size:.85rem}
.nav-status{color:var(--muted);font-size:.85rem;min-width:10ch;flex-basis:100%}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.82rem;color:var(--muted);align-items:center}
.legend>span{white-space:nowrap}
.legend-title{font-weight:600;color:var(--ink)}
.rel{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.78rem;font-weight:600;line-height:1.6;color:#fff;background:#57606a;white-space:nowrap;vertical-align:.05em}
.rel-source{background:#1f2328}.rel-duplicate{background:#a40e26}.rel-near-duplicate{background:#b33c00}
.rel-excerpt{background:#7d5a00}.rel-paraphrase{background:#6639ba}.rel-partial{background:#0a5f8a}
.rel-same-event{background:#116329}.rel-unrelated{background:#57606a}
.story{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
.story-title{margin:.1rem 0 .6rem;color:var(--muted)}
.story-grid{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
.story-grid>*{min-width:0}
.meta,.why,.summary{overflow-wrap:anywhere}
.tree,.tree ul{list-style:none;margin:0;padding:0}
.tree ul{margin-left:.55rem;padding-left:1rem;border-left:2px solid var(--line)}
.tree li{margin:.25rem 0}
.node{display:inline-flex;flex-wrap:wrap;gap:.15rem .4rem;align-items:center}
.tree a.off{color:var(--muted);text-decoration:line-through}
.mini{font-size:.8rem;color:var(--muted);display:inline-flex;gap:.3rem;align-items:center}
.flag{font-size:.8rem;color:var(--fact);font-weight:600}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.88rem}
caption{text-align:left;font-weight:600;padding:.2rem 0 .35rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:.78rem;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
tbody th{font-weight:400}
td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.members td.title{color:var(--ink);min-width:14rem}
.members td{white-space:nowrap}.members td.title{white-space:normal}
tr.off{opacity:.55}
.minibar{display:inline-block;width:3.2rem;height:.5rem;background:#e6eaef;border-radius:3px;overflow:hidden;vertical-align:middle;margin-right:.35rem}
.minibar>span{display:block;height:100%;background:#0a5f8a}
.unrelated,.skipped{margin:.3rem 0 0;padding-left:1.2rem}
.meta .title{font-weight:600;color:var(--ink)}
.meta .outlet,.meta .words,.meta .url{color:var(--muted);font-size:.88em}
.meta .words::before{content:"\00B7  "}
.hint{color:var(--muted);font-size:.88rem;margin:.2rem 0 1rem}
kbd{font:600 .8em ui-monospace,"DejaVu Sans Mono",monospace;border:1px solid #afb8c1;border-bottom-width:2px;border-radius:4px;padding:0 .35em;background:#fff;color:var(--ink)}
.derivation{border:1px solid var(--line);border-radius:10px;margin:0 0 1.5rem;scroll-margin-top:7.5rem;background:#fff}
.derivation:target,.derivation.current{box-shadow:0 0 0 3px #b6d4fe}
.derivation[hidden]{display:none}
.dhead{padding:.8rem 1rem .6rem;border-bottom:1px solid var(--line);background:var(--soft);border-radius:10px 10px 0 0}
.dtitle{display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:baseline}
.dtitle h3{font-size:1.15rem}
.from{font-weight:400;color:var(--muted)}
.conf{color:var(--muted);font-size:.85rem}
.docs{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.5rem 0;font-size:.9rem}
.docs dt{font-weight:600;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;padding-top:.12rem}
.docs dd{margin:0}
.bars{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.3rem 1.5rem;margin:.5rem 0}
.bar-line{display:grid;grid-template-columns:9.5rem 1fr 3rem;gap:.5rem;align-items:center;font-size:.86rem}
.bar-label{color:var(--muted)}
.bar{display:block;height:.7rem;background:#e6eaef;border-radius:4px;overflow:hidden}
.bar>span{display:block;height:100%;background:#0a5f8a}
.bar-verb>span{background:#116329}
.bar-value{font-variant-numeric:tabular-nums;font-weight:600;text-align:right}
.counts{display:flex;flex-wrap:wrap;gap:.2rem 1.1rem;list-style:none;padding:0;margin:.4rem 0 .2rem;font-size:.88rem;color:var(--muted)}
.counts b{color:var(--ink)}
.counts .has-facts,.counts .has-facts b{color:var(--fact);font-weight:600}
.why{margin:.3rem 0 0;font-size:.84rem;color:var(--muted)}
.why .label{font-weight:600}
.derivation>.table-wrap{padding:.6rem 1rem 0}
.facts caption{color:var(--fact)}
.facts .fv-src{text-decoration:line-through;text-decoration-color:var(--del-line)}
.facts .fv-der{font-weight:600}
.sbs-box>summary{cursor:pointer;padding:.55rem 1rem;font-weight:600;font-size:.9rem;color:var(--muted)}
.sbs{padding:0 1rem 1rem}
.sbs-head,.row{display:grid;grid-template-columns:minmax(0,1fr) 7.8rem minmax(0,1fr);gap:0 .9rem}
.sbs-head{background:#fff;border-bottom:2px solid var(--ink);font-size:.78rem;font-weight:600;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);padding:.3rem 0}
.row{border-bottom:1px solid var(--line);padding:.45rem 0}
.row.moved{background:repeating-linear-gradient(135deg,#fff,#fff 10px,#f3f8ff 10px,#f3f8ff 20px)}
.cell{min-width:0}
.side{display:none}
.sent{margin:0 0 .3rem;font-family:Charter,"Bitstream Charter","Iowan Old Style",Georgia,"DejaVu Serif",serif;font-size:1rem;line-height:1.6;overflow-wrap:anywhere}
.sent:last-child{margin-bottom:0}
.idx{display:inline-block;min-width:1.7em;font:600 .7rem ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);background:var(--soft);border:1px solid var(--line);border-radius:4px;text-align:center;vertical-align:.15em;margin-right:.15em}
.gutter{display:flex;flex-direction:column;align-items:center;gap:.2rem;font-size:.76rem;text-align:center;padding-top:.15rem}
.kind{font-weight:600;white-space:nowrap;border-radius:4px;padding:.05rem .4rem;border:1px solid var(--line);background:#fff}
.kind-verbatim{color:#116329}.kind-near-verbatim{color:#0a5f8a}.kind-paraphrase{color:#6639ba}
.kind-merge,.kind-split{color:#7d4e00;border-style:double;border-width:3px}
.kind-added{color:var(--ins-line);background:var(--ins-bg);border-color:#8fd3a3}
.kind-dropped{color:var(--del-line);background:var(--del-bg);border-color:#f1a9a3}
.sim{color:var(--muted);font-variant-numeric:tabular-nums}
.moved-tag{color:var(--accent);border:1px dashed var(--accent);border-radius:4px;padding:0 .35rem;background:#eef6ff;font-weight:600;font-size:.76rem;white-space:nowrap}
.empty .none{color:var(--muted);font-style:italic;font-size:.85rem}
.row.added .der{background:#f3fcf5;border-radius:4px}
.row.dropped .src{background:#fff7f6;border-radius:4px}
.dk{}
.dr{background:var(--rep-bg);border-bottom:2px dotted var(--rep-line);border-radius:2px}
ins.di{background:var(--ins-bg);text-decoration:underline 2px var(--ins-line);text-underline-offset:.2em;border-radius:2px}
del.dd{background:var(--del-bg);text-decoration:line-through 1.5px var(--del-line);border-radius:2px}
mark.fact{padding:0 .12em;margin:0 .1em;background:var(--fact-bg);color:var(--ink);outline:2px solid var(--fact);outline-offset:1px;border-radius:3px;font-weight:700}
.fact-badge{display:inline-block;margin-left:.35rem;background:var(--fact);color:#fff;border-radius:999px;padding:0 .55em;font:600 .74rem/1.55 system-ui,"DejaVu Sans",sans-serif;vertical-align:.1em;white-space:nowrap}
.fact-badge b{font-weight:800}
.foot{max-width:1320px;margin:0 auto;padding:1rem clamp(.75rem,3vw,2rem) 2rem;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line)}
@media (max-width:760px){
 body{font-size:14.5px}
 .story-grid{grid-template-columns:1fr}
 .controls{position:static}
 .sbs-head{display:none}
 .row{grid-template-columns:1fr;gap:.25rem}
 .gutter{order:-1;flex-direction:row;justify-content:flex-start;flex-wrap:wrap}
 .side{display:block;font:600 .7rem system-ui,"DejaVu Sans",sans-serif;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
 .cell{padding:.2rem .4rem;border-left:3px solid var(--line)}
 .cell.der{border-left-color:#0a5f8a}
 .bar-line{grid-template-columns:8rem 1fr 3rem}
}
@media print{.controls,.skip{display:none}.derivation{break-inside:avoid-page}}
""";

    /// <summary>Relation filters and j/k navigation between derivations. Reads no article text.</summary>
    public const string Script = """
(function(){
 var root=document.documentElement;root.className=root.className.replace('no-js','js');
 var boxes=Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
 var articles=Array.prototype.slice.call(document.querySelectorAll('article.derivation'));
 var status=document.getElementById('nav-status');
 function say(t){if(status)status.textContent=t;}
 function apply(){
  var off={};boxes.forEach(function(b){if(!b.checked)off[b.getAttribute('data-filter')]=true;});
  var shown=0;
  articles.forEach(function(a){var h=!!off[a.getAttribute('data-relation')];a.hidden=h;if(!h)shown++;
   var id=a.id;document.querySelectorAll('a[href="#'+id+'"]').forEach(function(l){l.classList.toggle('off',h);});});
  document.querySelectorAll('table.members tr[data-relation]').forEach(function(r){r.classList.toggle('off',!!off[r.getAttribute('data-relation')]);});
  say(shown+' of '+articles.length+' derivations shown');
 }
 boxes.forEach(function(b){b.addEventListener('change',apply);});
 function visible(){return articles.filter(function(a){return !a.hidden;});}
 var current=null;
 function show(a){
  if(current)current.classList.remove('current');
  current=a;a.classList.add('current');a.focus({preventScroll:true});a.scrollIntoView({block:'start'});
  var list=visible();say('Derivation '+(list.indexOf(a)+1)+' of '+list.length+': '+a.getAttribute('data-derived')+' from '+a.getAttribute('data-source'));
 }
 function go(step){
  var list=visible();if(!list.length)return;
  var at=current?list.indexOf(current):-1;
  if(at<0){
   var y=window.innerHeight*0.25;at=step>0?-1:list.length;
   for(var i=0;i<list.length;i++){var top=list[i].getBoundingClientRect().top;if(step>0&&top>y){at=i-1;break;}if(step<0&&top<-y)at=i+1;}
  }
  show(list[Math.max(0,Math.min(list.length-1,at+step))]);
 }
 document.addEventListener('keydown',function(e){
  if(e.ctrlKey||e.metaKey||e.altKey)return;
  var t=e.target,tag=t&&t.tagName;
  if(tag==='TEXTAREA'||tag==='SELECT'||(tag==='INPUT'&&t.type!=='checkbox')||(t&&t.isContentEditable))return;
  if(e.key==='j'){go(1);e.preventDefault();}
  else if(e.key==='k'){go(-1);e.preventDefault();}
 });
 document.addEventListener('focusin',function(e){var a=e.target.closest&&e.target.closest('article.derivation');if(a&&a!==current){if(current)current.classList.remove('current');current=a;a.classList.add('current');}});
 window.addEventListener('hashchange',function(){var a=document.getElementById(location.hash.slice(1));if(a&&a.matches('article.derivation'))show(a);});
 if(boxes.length)apply();
})();
""";
}
