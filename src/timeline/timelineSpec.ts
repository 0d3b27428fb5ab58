/** The timeline scene as a Vega specification: Vega draws it, and writes the SVG resvg rasterises. */
import type { Spec } from 'vega';
import { FONT_FAMILY, type TimelineScene } from './timelineScene.ts';

export function timelineSpec(scene: TimelineScene): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: scene.width,
    height: scene.height,
    padding: 0,
    autosize: 'none',
    background: '#ffffff',
    data: [
      { name: 'texts', values: scene.texts },
      { name: 'dots', values: scene.dots },
      { name: 'axis', values: scene.axis },
      { name: 'breaks', values: scene.breaks.map((path) => ({ path })) },
    ],
    marks: [
      {
        type: 'rule',
        from: { data: 'axis' },
        encode: {
          enter: {
            x: { field: 'x' },
            y: { field: 'y1' },
            y2: { field: 'y2' },
            stroke: { value: '#718096' },
            strokeWidth: { value: 2 },
          },
        },
      },
      {
        type: 'path',
        from: { data: 'breaks' },
        encode: {
          enter: {
            path: { field: 'path' },
            stroke: { value: '#718096' },
            strokeWidth: { value: 2 },
            strokeDash: { value: [4, 3] },
          },
        },
      },
      {
        type: 'symbol',
        from: { data: 'dots' },
        encode: {
          enter: {
            x: { field: 'x' },
            y: { field: 'y' },
            shape: { field: 'shape' },
            size: { value: 150 },
            fill: { field: 'color' },
            stroke: { value: '#ffffff' },
            strokeWidth: { value: 2 },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'texts' },
        encode: {
          enter: {
            x: { field: 'x' },
            y: { field: 'y' },
            text: { field: 'text' },
            font: { value: FONT_FAMILY },
            fontSize: { field: 'size' },
            fontWeight: { field: 'weight' },
            fontStyle: { field: 'style' },
            fill: { field: 'color' },
            align: { field: 'align' },
            baseline: { value: 'alphabetic' },
          },
        },
      },
    ],
  };
}
