import type { Preview } from '@storybook/react-vite';
import '../src/ui/adjust-margin.css';
import '../stories/support/stories.css';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
